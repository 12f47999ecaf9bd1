package org.yaraguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.yaraguard.review.EntryFilter;
import org.yaraguard.review.ReviewEntry;
import org.yaraguard.review.SeriesGroup;
import org.yaraguard.review.StudyGroup;
import org.yaraguard.review.TimeSpec;

/** The list: quarantined and stored-with-finding objects by study, then series, with filters. */
@WebServlet(urlPatterns = {"/studies", ""})
public class StudiesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String study = blankToNull(request.getParameter("study"));
        String since = blankToNull(request.getParameter("since"));
        String rule = blankToNull(request.getParameter("rule"));
        Instant from = null;
        String problem = null;
        try {
            from = since == null ? null : TimeSpec.since(since, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        List<StudyGroup> studies = ConsoleContext.review(getServletContext())
                .studies(new EntryFilter(study, from, rule));
        PrintWriter out = Html.begin(request, response, "Quarantine by study");
        out.println("<form method=\"get\" action=\"studies\" id=\"filter\">");
        out.println("Study UID <input name=\"study\" value=\"" + Html.text(study) + "\">");
        out.println(" Since <input name=\"since\" placeholder=\"24h, 7d, 2026-11-25\" value=\""
                + Html.text(since) + "\">");
        out.println(" Rule <input name=\"rule\" value=\"" + Html.text(rule) + "\">");
        out.println(" <button type=\"submit\">Filter</button></form>");
        if (problem != null) {
            out.println("<p class=\"flash\">" + Html.text(problem) + "</p>");
        }
        if (studies.isEmpty()) {
            out.println("<p id=\"empty\">No entries.</p>");
        }
        for (StudyGroup s : studies) {
            ReviewEntry first = s.entries().get(0);
            out.println("<h2 class=\"study\">Study " + Html.text(s.studyUid()) + "</h2>");
            out.println("<p>Patient <span class=\"patient\">" + Html.text(first.attributes().patientName())
                    + "</span> (" + Html.text(first.attributes().patientId()) + ") &middot; study date "
                    + Html.text(first.attributes().studyDate()) + " &middot; accession "
                    + Html.text(first.attributes().accessionNumber()) + "</p>");
            for (SeriesGroup series : s.series()) {
                out.println("<h3>Series " + Html.text(series.seriesUid()) + "</h3>");
                out.println("<table><tr><th>Object</th><th>Status</th><th>Action</th><th>Received</th>"
                        + "<th>Sender</th><th>Via</th><th>Modality</th><th>Rules</th><th>Bytes</th></tr>");
                for (ReviewEntry e : series.entries()) {
                    out.println("<tr class=\"entry\" data-id=\"" + Html.text(e.id()) + "\"><td><a href=\"entry?id="
                            + Html.param(e.id()) + "\">" + Html.text(e.id().substring(0, 16)) + "</a></td>"
                            + "<td class=\"" + Html.text(e.status()) + "\">" + Html.text(e.status()) + "</td><td>"
                            + Html.text(e.action()) + "</td><td>" + Html.text(e.receivedAt()) + "</td><td>"
                            + Html.text(e.callingAet()) + "@" + Html.text(e.remoteHost()) + "</td><td>"
                            + Html.text(e.source()) + "</td><td>" + Html.text(e.attributes().modality())
                            + "</td><td>" + Html.text(String.join(", ", e.ruleNames())) + "</td><td>" + e.bytes()
                            + "</td></tr>");
                }
                out.println("</table>");
            }
        }
        Html.end(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
