package org.yaraguard.audit.message;

import java.time.Instant;
import java.util.List;

/**
 * One object YARA Guard judged not clean, as a Security Alert tells it.
 *
 * @param handling     what was done with it
 * @param reasons      why: {@link GuardCode#RULE_MATCH}, {@link GuardCode#NOT_INSPECTED}, {@link GuardCode#ANOMALY}
 * @param rules        names of the rules that matched (namespace:rule), strongest first
 * @param ruleSetId    the rule set that judged it, or null
 * @param action       the verdict's action (reject, tag, log)
 * @param trouble      why it could not be fully inspected, or null
 * @param source       how it arrived: c-store, stow-rs, stow-rs-metadata, import
 * @param callingAet   the sender's AE title (or null for a web client without one)
 * @param remoteHost   the sender's host name or address, or null
 * @param calledAet    the archive's AE title it was sent to, or null
 * @param quarantineId the quarantine entry that keeps it, or null
 */
public record Detection(Instant at, Handling handling, List<GuardCode> reasons, List<String> rules, String ruleSetId,
        String sha256, String action, String trouble, String source, String callingAet, String remoteHost,
        String calledAet, String quarantineId, ObjectIds object) {

    public Detection {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }

    /** What happened to the object, each with its EventTypeCode and EventOutcomeIndicator. */
    public enum Handling {
        /** Refused: the sender's store failed, as intended (minor failure). */
        REFUSED(GuardCode.REFUSED, Outcome.MINOR_FAILURE),
        /** Stored with YARA Guard's private attributes: the store succeeded, the alert informs. */
        TAGGED(GuardCode.TAGGED, Outcome.SUCCESS),
        /** Stored and recorded. */
        LOGGED(GuardCode.LOGGED, Outcome.SUCCESS),
        /** Stored because its sender is in monitor mode, though the policy would have refused or tagged it. */
        MONITORED(GuardCode.MONITORED, Outcome.SUCCESS);

        private final GuardCode code;
        private final Outcome outcome;

        Handling(GuardCode code, Outcome outcome) {
            this.code = code;
            this.outcome = outcome;
        }

        public GuardCode code() {
            return code;
        }

        public Outcome outcome() {
            return outcome;
        }
    }
}
