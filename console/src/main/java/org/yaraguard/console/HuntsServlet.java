package org.yaraguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaraguard.review.hunt.AffectedStudy;
import org.yaraguard.review.hunt.HuntFailure;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.review.hunt.HuntSummary;

/**
 * The retro-hunts: every report folder, newest first, and one report (the newest, or {@code ?report=NAME}) by study
 * — patients and studies affected, hits by rule, rejected and failed counts. Read-only: acting stays on the command
 * line.
 */
@WebServlet("/hunts")
public class HuntsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HuntsFolder folder = ConsoleContext.hunts(getServletContext());
        List<HuntReport> reports = folder.reports();
        String name = request.getParameter("report");
        Optional<HuntReport> shown = name == null || name.isBlank()
                ? reports.stream().findFirst() : folder.report(name);
        if (name != null && !name.isBlank() && shown.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        PrintWriter out = Html.begin(request, response, "Retro-hunts");
        out.println("<p>Reports in <code>" + Html.text(folder.folder()) + "</code> (<code>yara-guard hunt --report "
                + "FOLDER/NAME</code>); rejecting is done with the command line.</p>");
        if (reports.isEmpty()) {
            out.println("<p id=\"no-hunts\">No hunt reports.</p>");
        } else {
            list(out, reports);
        }
        if (shown.isPresent()) {
            report(out, shown.get());
        } else if (name != null && !name.isBlank()) {
            out.println("<p class=\"flash\">No hunt report " + Html.text(name) + ".</p>");
        }
        Html.end(out);
    }

    private static void list(PrintWriter out, List<HuntReport> reports) {
        out.println("<table id=\"hunts\"><tr><th>Report</th><th>Started</th><th>Finished</th><th>Sources</th>"
                + "<th>Shard</th><th>Objects</th><th>Hits</th><th>Studies</th><th>Patients</th></tr>");
        for (HuntReport r : reports) {
            HuntSummary s = r.summary();
            String name = r.folder().getFileName().toString();
            out.println("<tr class=\"hunt\" data-report=\"" + Html.text(name) + "\"><td><a href=\"hunts?report="
                    + Html.param(name) + "\">" + Html.text(name) + "</a></td><td>" + Html.text(s.startedAt())
                    + "</td><td>" + (s.running() ? "running (or stopped)" : Html.text(s.finishedAt())) + "</td><td>"
                    + Html.text(String.join(", ", s.sources())) + "</td><td>" + Html.text(s.shard()) + "</td><td>"
                    + s.objects() + "</td><td>" + s.hits() + "</td><td>" + s.studiesAffected() + "</td><td>"
                    + s.patientsAffected() + "</td></tr>");
        }
        out.println("</table>");
    }

    static void report(PrintWriter out, HuntReport report) {
        HuntSummary s = report.summary();
        String name = report.folder().getFileName().toString();
        long rejected = s.byStudy().stream().mapToLong(AffectedStudy::rejected).sum();
        long failed = s.byStudy().stream().mapToLong(AffectedStudy::failed).sum();
        out.println("<h2 id=\"report\">Report " + Html.text(name) + "</h2><table id=\"hunt-summary\">");
        Html.row(out, "Hunt", s.huntId());
        Html.row(out, "Ran", s.startedAt() + " to " + (s.running() ? "(not finished)" : s.finishedAt()));
        Html.row(out, "Rules", s.rulesetId() + " from " + s.rulesDir());
        Html.row(out, "Sources", String.join(", ", s.sources()) + ", shard " + s.shard()
                + (s.since() == null ? "" : ", studies since " + s.since()));
        Html.row(out, "Objects", s.objects() + " judged (" + s.bytes() + " bytes): " + s.clean() + " clean, " + s.hits()
                + " hits, " + s.trouble() + " with trouble; " + s.unreadable() + " unreadable, " + s.notDicom()
                + " not DICOM");
        Html.row(out, "Affected", s.patientsAffected() + " patients, " + s.studiesAffected() + " studies");
        Html.row(out, "Rejections", rejected + " instances rejected, " + failed + " failed");
        out.println("</table>");
        s.notes().forEach(n -> out.println("<p class=\"note\">" + Html.text(n) + "</p>"));
        out.println("<h3>By rule</h3><table id=\"by-rule\"><tr><th>Rule</th><th>Hits</th></tr>");
        for (Map.Entry<String, Long> r : s.byRule().entrySet()) {
            out.println("<tr><td>" + Html.text(r.getKey()) + "</td><td>" + r.getValue() + "</td></tr>");
        }
        out.println("</table><h3>By study</h3><table id=\"by-study\"><tr><th>Study</th><th>Patient ID</th>"
                + "<th>Accession</th><th>Study date</th><th>Instances</th><th>Rules</th><th>Rejected</th>"
                + "<th>Failed</th></tr>");
        for (AffectedStudy a : s.byStudy()) {
            out.println("<tr class=\"hunt-study\" data-study=\"" + Html.text(a.studyInstanceUid()) + "\"><td>"
                    + "<a href=\"hunt-study?report=" + Html.param(name) + "&amp;study="
                    + Html.param(a.studyInstanceUid()) + "\">" + Html.text(a.studyInstanceUid()) + "</a></td><td>"
                    + Html.text(a.patientId()) + "</td><td>" + Html.text(a.accessionNumber()) + "</td><td>"
                    + Html.text(a.studyDate()) + "</td><td>" + a.instances() + "</td><td>"
                    + Html.text(String.join(", ", a.rules())) + "</td><td>" + a.rejected() + "</td><td>" + a.failed()
                    + "</td></tr>");
        }
        out.println("</table>");
        if (!s.failures().isEmpty()) {
            out.println("<h3>Failures</h3><ul id=\"failures\">");
            for (HuntFailure f : s.failures()) {
                out.println("<li>" + Html.text(f.location()) + ": " + Html.text(f.reason()) + "</li>");
            }
            out.println("</ul>");
        }
    }
}
