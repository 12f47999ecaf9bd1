package org.yaraguard.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.yaraguard.engine.quarantine.RulesStatusFile;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.StatusFile;

/**
 * Server-side HTML output. Every value that reaches a page goes through {@link #text}, which escapes the five
 * markup characters and replaces control characters, so a patient name or rule text can never become markup.
 */
final class Html {

    private Html() {
    }

    /** Text escaped for HTML element content and double-quoted attribute values. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** A row of a two-column detail table: a name and its escaped value. */
    static void row(PrintWriter out, String name, Object value) {
        out.println("<tr><th>" + text(name) + "</th><td>" + text(value) + "</td></tr>");
    }

    /** A query parameter value, URL-encoded and then escaped for an attribute. */
    static String param(String value) {
        return text(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
    }

    /** Starts a page: headers, title, the nonce-bound style sheet, the user, a logout link and the rules in force. */
    static PrintWriter begin(HttpServletRequest request, HttpServletResponse response, String title)
            throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        PrintWriter out = response.getWriter();
        String nonce = (String) request.getAttribute(SecurityHeaders.NONCE);
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<title>" + text(title) + " - YARA Guard</title>");
        out.println("<style nonce=\"" + text(nonce) + "\">");
        out.println("body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}"
                + ".quarantined{color:#a00}.released{color:#070}.stored{color:#555}"
                + "pre{background:#f4f4f4;padding:6px}.flash{background:#ffd;padding:6px;border:1px solid #cc9}"
                + "form.inline{display:inline-block;margin-right:2em}"
                + ".refused{background:#fdd;padding:6px;border:1px solid #c99}"
                + ".health-ok{color:#070}.health-degraded,.health-unknown{color:#a00}");
        out.println("</style></head><body>");
        out.println("<p>YARA Guard review &middot; <a href=\"studies\">Studies</a> &middot; <a href=\"hunts\">Hunts</a>"
                + " &middot; <a href=\"status\">Status</a>"
                + " &middot; signed in as <b id=\"user\">"
                + text(request.getRemoteUser()) + "</b> &middot; <a href=\"logout\">Log out</a></p>");
        Path quarantine = ConsoleContext.quarantineDir(request.getServletContext());
        out.println(RulesBanner.html(RulesStatusFile.read(quarantine)));
        out.println(RulesBanner.auditHtml(readStatus(quarantine), Instant.now()));
        out.println("<h1>" + text(title) + "</h1>");
        Object flash = request.getSession().getAttribute(ActionServlet.FLASH);
        if (flash != null) {
            request.getSession().removeAttribute(ActionServlet.FLASH);
            out.println("<p class=\"flash\" id=\"flash\">" + text(flash) + "</p>");
        }
        return out;
    }

    /** The plugin's status for the banner; none when there is none or it cannot be read (the Status page says why). */
    private static Optional<GuardStatus> readStatus(Path quarantine) {
        try {
            return Optional.of(StatusFile.read(quarantine));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void end(PrintWriter out) {
        out.println("</body></html>");
    }
}
