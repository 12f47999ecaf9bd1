package org.yaraguard.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.yaraguard.engine.quarantine.RulesStatus;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.Health;

/**
 * The line on every page that names the hook's rule set in force and, when its last reload was refused, a banner
 * with the errors: a broken rules update is seen by reviewers, not only in the server log. Likewise a banner when
 * audit messages are not reaching the Audit Record Repository.
 */
final class RulesBanner {

    private RulesBanner() {
    }

    static String html(Optional<RulesStatus> status) {
        if (status.isEmpty()) {
            return "<p id=\"rules\">Rules: no status from the hook yet</p>";
        }
        RulesStatus s = status.get();
        StringBuilder out = new StringBuilder();
        if (s.rulesetId() == null) {
            out.append("<p id=\"rules\">Rules: <b>no rule set in force</b> (").append(Html.text(s.folder()))
                    .append(")</p>");
        } else {
            out.append("<p id=\"rules\">Rules in force: <code>").append(Html.text(s.rulesetId().substring(0,
                    Math.min(16, s.rulesetId().length())))).append("</code> from ").append(Html.text(s.folder()))
                    .append(", ").append(s.files()).append(" files, ").append(s.rules()).append(" rules, loaded ")
                    .append(Html.text(s.loadedAt())).append("</p>");
        }
        if (s.refused()) {
            out.append("<div class=\"refused\" id=\"rules-refused\"><b>The last rules reload was refused</b> at ")
                    .append(Html.text(s.refusedAt())).append(s.rulesetId() == null ? "" : "; the rule set above"
                            + " stays in force").append(":<pre>");
            s.errors().forEach(error -> out.append(Html.text(error)).append('\n'));
            out.append("</pre></div>");
        }
        return out.toString();
    }

    /**
     * The audit banner: shown while the plugin's status (fresh, not older than {@link Health#STALE}) says audit
     * delivery needs attention — not draining, failing, or dropping.
     */
    static String auditHtml(Optional<GuardStatus> status, Instant now) {
        Optional<String> problem = status.filter(s -> fresh(s, now)).flatMap(s -> Health.auditProblem(s, now));
        return problem.map(p -> "<div class=\"refused\" id=\"audit-banner\"><b>Audit messages are not reaching the"
                + " Audit Record Repository</b>: " + Html.text(p) + " (see <a href=\"status\">Status</a>)</div>")
                .orElse("");
    }

    private static boolean fresh(GuardStatus status, Instant now) {
        try {
            return Duration.between(Instant.parse(status.writtenAt()), now).compareTo(Health.STALE) <= 0;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
