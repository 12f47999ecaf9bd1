package org.yaraguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaraguard.review.HexViews;
import org.yaraguard.review.MatchView;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.review.hunt.Rejection;

/**
 * One study's hits in one hunt report ({@code ?report=NAME&study=UID}), each with the quarantine's review view: the
 * matches (rule, region, offsets) and, when the archive's file is readable from this host, the same hex windows.
 * Read-only.
 */
@WebServlet("/hunt-study")
public class HuntStudyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("report");
        String study = request.getParameter("study");
        Optional<HuntReport> report = ConsoleContext.hunts(getServletContext()).report(name);
        List<HuntHit> hits = report.isEmpty() || study == null ? List.of() : report.get().hitsOfStudy(study);
        if (hits.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            PrintWriter out = Html.begin(request, response, "No such hunt study");
            out.println("<p>No hits of study " + Html.text(study) + " in hunt report " + Html.text(name) + ".</p>");
            Html.end(out);
            return;
        }
        PrintWriter out = Html.begin(request, response, "Hunt " + name + ": study " + study);
        out.println("<p><a href=\"hunts?report=" + Html.param(name) + "\">Back to the report</a> &middot; "
                + hits.size() + " hits</p>");
        for (HuntHit hit : hits) {
            hit(out, report.get(), hit);
        }
        Html.end(out);
    }

    static void hit(PrintWriter out, HuntReport report, HuntHit h) throws IOException {
        out.println("<div class=\"hit\" data-sop=\"" + Html.text(h.sopInstanceUid()) + "\"><h2>Instance "
                + Html.text(h.sopInstanceUid()) + "</h2><table class=\"hit-detail\">");
        Html.row(out, "Found", h.at() + " by hunt " + h.huntId() + " in " + h.source() + " " + h.location());
        Html.row(out, "Patient", h.patientId());
        Html.row(out, "Study", h.studyInstanceUid() + ", date " + orNone(h.studyDate()) + ", accession "
                + orNone(h.accessionNumber()));
        Html.row(out, "Series / SOP class", h.seriesInstanceUid() + " / " + h.sopClassUid());
        Html.row(out, "Verdict", h.action() + " by rule set " + h.rulesetId());
        Html.row(out, "Object", h.bytes() + " bytes, SHA-256 " + h.sha256());
        if (h.trouble() != null) {
            Html.row(out, "Trouble", h.trouble());
        }
        Html.row(out, "Rejection", rejection(h.rejection()));
        out.println("</table><h3>Matches</h3>");
        List<MatchView> matches = h.matches().stream().map(m -> new MatchView(m.rule(), m.namespace(), List.of(),
                Map.of(), m.region(), m.offsets(), m.action())).toList();
        ObjectViews.matches(out, matches);
        Optional<Path> file = StoredFile.of(report.summary(), h);
        if (file.isEmpty()) {
            out.println("<p class=\"note\">The object's file is not readable from this host: no bytes shown.</p>");
        } else {
            long size = Files.size(file.get());
            if (size != h.bytes()) {
                out.println("<p class=\"note\">The file now has " + size + " bytes, the hunt read " + h.bytes()
                        + ": it changed since.</p>");
            }
            HexViews.Windows windows = HexViews.of(file.get(), true, matches);
            ObjectViews.window(out, windows.head());
            windows.matched().forEach(w -> ObjectViews.window(out, w));
            windows.notes().forEach(n -> out.println("<p>" + Html.text(n) + "</p>"));
        }
        out.println("</div>");
    }

    private static String rejection(Rejection r) {
        if (r == null) {
            return "not acted on";
        }
        return r.status() + (r.httpStatus() == null ? "" : " (HTTP " + r.httpStatus() + ")")
                + (r.message() == null ? "" : ": " + r.message());
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
