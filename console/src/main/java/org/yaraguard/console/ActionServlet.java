package org.yaraguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.yaraguard.review.QuarantineReview;
import org.yaraguard.review.ReviewException;

/** Release and purge (POST only, CSRF-checked); answers with a redirect and a one-time message. */
@WebServlet("/action")
public class ActionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String FLASH = "org.yaraguard.console.flash";
    private static final System.Logger LOG = System.getLogger("org.yaraguard.console");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!CsrfGuard.allows(request)) {
            LOG.log(System.Logger.Level.WARNING, "YARA Guard console: refused a cross-site or token-less action "
                    + "by {0} from {1}", request.getRemoteUser(), request.getRemoteAddr());
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused.");
            return;
        }
        String action = request.getParameter("action");
        String id = request.getParameter("id");
        String reason = request.getParameter("reason");
        QuarantineReview review = ConsoleContext.review(getServletContext());
        String message;
        String next = "studies";
        try {
            if ("release".equals(action)) {
                QuarantineReview.Release r = review.release(id, reason, request.getRemoteUser());
                message = "Released " + r.id() + " to the archive (HTTP " + r.httpStatus() + ").";
                next = "entry?id=" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8);
            } else if ("purge".equals(action)) {
                review.purge(id, reason, request.getRemoteUser());
                message = "Purged " + id + ".";
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Unknown action.");
                return;
            }
        } catch (ReviewException e) {
            message = "Not done: " + e.getMessage();
            next = id == null ? "studies" : "entry?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        }
        request.getSession().setAttribute(FLASH, message);
        response.sendRedirect(next);
    }
}
