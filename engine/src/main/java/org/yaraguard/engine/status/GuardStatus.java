package org.yaraguard.engine.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The plugin at a glance, as it writes it into {@code <quarantine>/.status.json} for {@code yara-guard status} and the
 * console. Times are ISO-8601 instants. Rule names and AE titles come from administrators and senders: whoever
 * shows them escapes them.
 *
 * @param host        the host the plugin runs on
 * @param version     the plugin's version, or null for a development build
 * @param startedAt   when the plugin started (the counts cover no time before it)
 * @param writtenAt   when this status was written: the heartbeat that shows the plugin is alive
 * @param ruleSet     the rule set in force, or null when none is
 * @param lastRefusal the last reload refused since the rule set in force went live, or null
 * @param modes       enforce or monitor: the default and the entries by calling AE title and by host
 * @param last24h     what happened in the last 24 hours (since {@code startedAt} when later)
 * @param audit       how delivery to the Audit Record Repository stands
 * @param quarantine  what the quarantine holds, or null before it was first counted
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuardStatus(String host, String version, String startedAt, String writtenAt, RuleSetInForce ruleSet,
        Refusal lastRefusal, Modes modes, Counts last24h, AuditDelivery audit, QuarantineUsage quarantine) {

    /** The rule set that judges objects now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleSetInForce(String id, String folder, int files, int rules, String loadedAt) {
    }

    /** A reload that did not go live; {@code errors} as {@code file:line: message}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refusal(String at, List<String> errors) {
        public Refusal {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /** The configured modes: an AE title's entry wins over its host's, which wins over the default. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Modes(String defaultMode, Map<String, String> byAet, Map<String, String> byHost) {
        public Modes {
            byAet = byAet == null ? Map.of() : byAet;
            byHost = byHost == null ? Map.of() : byHost;
        }
    }

    /**
     * Objects judged in a window: by verdict action (clean, log, tag, reject), by what the hook did (stored, tagged,
     * refused), by rule (most hits first, at most {@link RollingCounts#MAX_RULES_SHOWN}; the rest are counted in
     * {@code rulesOmitted}) and trouble by kind; {@code troubleLastHour} feeds the health check.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(String since, long objects, Map<String, Long> byAction, Map<String, Long> byOutcome,
            List<RuleHits> byRule, int rulesOmitted, Map<String, Long> troubleByKind, long troubleLastHour) {
        public Counts {
            byAction = byAction == null ? Map.of() : byAction;
            byOutcome = byOutcome == null ? Map.of() : byOutcome;
            byRule = byRule == null ? List.of() : List.copyOf(byRule);
            troubleByKind = troubleByKind == null ? Map.of() : troubleByKind;
        }
    }

    /** Objects one rule matched. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleHits(String rule, long objects) {
    }

    /** Delivery of audit messages; {@code lastSentAt} and {@code lastError} may be null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditDelivery(boolean configured, boolean reachable, long spoolDepth, long sent, long dropped,
            String lastSentAt, String lastError) {

        /** No Audit Record Repository configured. */
        public static AuditDelivery notConfigured() {
            return new AuditDelivery(false, false, 0, 0, 0, null, null);
        }
    }

    /** Entries kept in the quarantine and their bytes, as counted at {@code countedAt}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuarantineUsage(long entries, long bytes, String countedAt) {
    }
}
