package org.yaraguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.Health;
import org.yaraguard.engine.status.StatusFile;

/**
 * The plugin at a glance, from the status file it keeps in the quarantine folder: health (as {@code yara-guard status}
 * judges it), rule set in force, last refused reload, modes, the last 24 hours' counts, audit delivery, quarantine.
 * Read-only.
 */
@WebServlet("/status")
public class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GuardStatus status = null;
        Health health;
        try {
            status = StatusFile.read(ConsoleContext.quarantineDir(getServletContext()));
            health = Health.of(status, Instant.now());
        } catch (NoSuchFileException e) {
            health = Health.unknown("no status from the plugin yet (it writes " + StatusFile.NAME + " in the"
                    + " quarantine folder while it runs)");
        } catch (IOException e) {
            health = Health.unknown("the status cannot be read: " + e.getMessage());
        }
        PrintWriter out = Html.begin(request, response, "Status");
        body(out, health, status);
        Html.end(out);
    }

    /** The page's content: the health line, then what the status says (nothing more when it cannot be trusted). */
    static void body(PrintWriter out, Health health, GuardStatus status) {
        out.println("<p id=\"health\" class=\"health-" + health.state().name().toLowerCase(Locale.ROOT) + "\"><b>"
                + health.state().name() + "</b>" + (health.reasons().isEmpty() ? "" : ": "
                + Html.text(String.join("; ", health.reasons()))) + "</p>");
        if (status == null) {
            return;
        }
        out.println("<h2>Plugin</h2><table id=\"plugin\">");
        Html.row(out, "Host", status.host());
        Html.row(out, "Version", status.version());
        Html.row(out, "Started", status.startedAt());
        Html.row(out, "Status written", status.writtenAt());
        out.println("</table>");
        ruleSet(out, status);
        modes(out, status.modes());
        counts(out, status.last24h());
        audit(out, status.audit());
        GuardStatus.QuarantineUsage q = status.quarantine();
        out.println("<h2>Quarantine</h2><table id=\"quarantine\">");
        Html.row(out, "Entries", q == null ? "not counted yet" : q.entries());
        Html.row(out, "Bytes", q == null ? "" : q.bytes());
        Html.row(out, "Counted", q == null ? "" : q.countedAt());
        out.println("</table>");
    }

    private static void ruleSet(PrintWriter out, GuardStatus status) {
        GuardStatus.RuleSetInForce set = status.ruleSet();
        out.println("<h2>Rule set in force</h2><table id=\"ruleset\">");
        if (set == null) {
            Html.row(out, "Rule set", "none in force");
        } else {
            out.println("<tr><th>Id</th><td><code id=\"ruleset-id\">" + Html.text(set.id()) + "</code></td></tr>");
            Html.row(out, "Folder", set.folder());
            Html.row(out, "Files", set.files());
            Html.row(out, "Rules", set.rules());
            Html.row(out, "Loaded", set.loadedAt());
        }
        out.println("</table>");
        if (status.lastRefusal() != null) {
            out.println("<div class=\"refused\" id=\"status-refused\"><b>The last reload was refused</b> at "
                    + Html.text(status.lastRefusal().at()) + ":<pre>");
            status.lastRefusal().errors().forEach(error -> out.println(Html.text(error)));
            out.println("</pre></div>");
        }
    }

    private static void modes(PrintWriter out, GuardStatus.Modes modes) {
        if (modes == null) {
            return;
        }
        out.println("<h2>Modes</h2><table id=\"modes\"><tr><th>Sender</th><th>Mode</th></tr>");
        out.println("<tr><td>(default)</td><td>" + Html.text(modes.defaultMode()) + "</td></tr>");
        modes.byAet().forEach((aet, mode) -> out.println("<tr><td>AE title " + Html.text(aet) + "</td><td>"
                + Html.text(mode) + "</td></tr>"));
        modes.byHost().forEach((host, mode) -> out.println("<tr><td>host " + Html.text(host) + "</td><td>"
                + Html.text(mode) + "</td></tr>"));
        out.println("</table>");
    }

    private static void counts(PrintWriter out, GuardStatus.Counts counts) {
        out.println("<h2>Last 24 hours</h2><p>Since " + Html.text(counts.since()) + ": <b id=\"objects\">"
                + counts.objects() + "</b> objects judged.</p>");
        table(out, "by-action", "Action", counts.byAction());
        table(out, "by-outcome", "Outcome", counts.byOutcome());
        table(out, "trouble", "Trouble", counts.troubleByKind());
        out.println("<p>Trouble in the last hour: " + counts.troubleLastHour() + "</p>");
        out.println("<table id=\"by-rule\"><tr><th>Rule</th><th>Objects</th></tr>");
        counts.byRule().forEach(hits -> out.println("<tr class=\"rule-hits\"><td>" + Html.text(hits.rule())
                + "</td><td>" + hits.objects() + "</td></tr>"));
        out.println("</table>");
        if (counts.rulesOmitted() > 0) {
            out.println("<p>and " + counts.rulesOmitted() + " more rules with fewer hits.</p>");
        }
    }

    private static void table(PrintWriter out, String id, String heading, Map<String, Long> counts) {
        out.println("<table id=\"" + id + "\"><tr><th>" + heading + "</th><th>Objects</th></tr>");
        new TreeMap<>(counts).forEach((key, count) -> out.println("<tr><td>" + Html.text(key) + "</td><td>" + count + "</td></tr>"));
        out.println("</table>");
    }

    private static void audit(PrintWriter out, GuardStatus.AuditDelivery audit) {
        out.println("<h2>Audit Record Repository</h2><table id=\"audit\">");
        if (!audit.configured()) {
            Html.row(out, "Configured", "no");
        } else {
            Html.row(out, "Reachable", audit.reachable() ? "yes" : "no");
            Html.row(out, "Waiting in spool", audit.spoolDepth());
            Html.row(out, "Sent since start", audit.sent());
            Html.row(out, "Last sent", audit.lastSentAt() == null ? "never" : audit.lastSentAt());
            Html.row(out, "Dropped since start", audit.dropped());
            Html.row(out, "Last error", audit.lastError());
        }
        out.println("</table>");
    }
}
