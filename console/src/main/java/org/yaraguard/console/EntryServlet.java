package org.yaraguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.yaraguard.review.AnomalyView;
import org.yaraguard.review.EntryDetail;
import org.yaraguard.review.ReviewEntry;
import org.yaraguard.review.ReviewEvent;
import org.yaraguard.review.ReviewException;

/** The detail of one entry (recorded as a view of its content) with the release and purge forms. */
@WebServlet("/entry")
public class EntryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EntryDetail detail;
        try {
            detail = ConsoleContext.review(getServletContext()).show(request.getParameter("id"),
                    request.getRemoteUser());
        } catch (ReviewException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            PrintWriter out = Html.begin(request, response, "Entry not found");
            out.println("<p>" + Html.text(e.getMessage()) + "</p>");
            Html.end(out);
            return;
        }
        ReviewEntry e = detail.entry();
        PrintWriter out = Html.begin(request, response, "Entry " + e.id().substring(0, 16));
        out.println("<table id=\"detail\">");
        Html.row(out, "Id (SHA-256)", e.id());
        Html.row(out, "Status", e.status());
        Html.row(out, "Verdict", e.action() + " (mode " + e.mode() + ")");
        Html.row(out, "Received", e.receivedAt() + " via " + e.source());
        Html.row(out, "Sender", orNone(e.callingAet()) + " at " + orNone(e.remoteHost()) + " to " + orNone(e.calledAet()));
        Html.row(out, "Patient", orNone(e.attributes().patientName()) + " (" + orNone(e.attributes().patientId()) + ")");
        Html.row(out, "Study", orNone(e.study()) + ", date " + orNone(e.attributes().studyDate()) + ", accession "
                + orNone(e.attributes().accessionNumber()));
        Html.row(out, "Series / instance", orNone(e.series()) + " / " + orNone(e.attributes().sopInstanceUid()));
        Html.row(out, "Modality", e.attributes().modality());
        Html.row(out, "Object", e.bytes() + " bytes, " + (e.part10() ? "Part-10" : "bare dataset")
                + ", transfer syntax " + (e.transferSyntax() == null && e.part10() ? "(in the file meta)"
                : orNone(e.transferSyntax())));
        Html.row(out, "Rule set", e.rulesetId());
        if (e.trouble() != null) {
            Html.row(out, "Trouble", e.trouble());
        }
        out.println("</table><h2>Matches</h2>");
        ObjectViews.matches(out, e.matches());
        for (AnomalyView a : e.anomalies()) {
            out.println("<p>Anomaly " + Html.text(a.kind()) + " at " + a.offset() + ": " + Html.text(a.detail())
                    + "</p>");
        }
        if (detail.head() != null) {
            ObjectViews.window(out, detail.head());
        }
        detail.matched().forEach(w -> ObjectViews.window(out, w));
        detail.notes().forEach(n -> out.println("<p>" + Html.text(n) + "</p>"));
        out.println("<h2>Review trail</h2><ul id=\"trail\">");
        for (ReviewEvent r : e.review()) {
            out.println("<li>" + Html.text(r.event()) + " by " + Html.text(r.user()) + " at " + Html.text(r.at())
                    + (r.reason() == null ? "" : ": " + Html.text(r.reason())) + "</li>");
        }
        out.println("</ul>");
        if (e.quarantined()) {
            String token = CsrfGuard.token(request.getSession());
            if (!ReviewEntry.RELEASED.equals(e.status())) {
                form(out, "release", "Release to the archive", e.id(), token);
            }
            form(out, "purge", "Purge (delete)", e.id(), token);
        }
        Html.end(out);
    }

    private static void form(PrintWriter out, String action, String label, String id, String token) {
        out.println("<form class=\"inline\" method=\"post\" action=\"action\" id=\"" + action + "-form\">"
                + "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"id\" value=\"" + Html.text(id) + "\">"
                + "<input type=\"hidden\" name=\"" + CsrfGuard.FIELD + "\" value=\"" + Html.text(token) + "\">"
                + "Reason <input name=\"reason\" required maxlength=\"1000\" id=\"" + action + "-reason\"> "
                + "<button type=\"submit\" id=\"" + action + "-button\">" + Html.text(label) + "</button></form>");
    }

    /** A value the object or the request did not carry (e.g. no calling AE title on STOW-RS): not "null". */
    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
