package org.yaraguard.console;

import java.util.Optional;
import org.yaraguard.engine.quarantine.RulesStatus;

/**
 * The line on every page that names the hook's rule set in force and, when its last reload was refused, a banner
 * with the errors: a broken rules update is seen by reviewers, not only in the server log.
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
}
