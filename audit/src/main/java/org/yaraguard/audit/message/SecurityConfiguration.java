package org.yaraguard.audit.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The Security Alert (110113) with EventTypeCode Security Configuration (110129) for a {@link RuleSetChange}: YARA
 * Guard, which watches its rules folder, is the requestor; the rule set is the object (a Security Resource), with the
 * old and new ids, its files and rule count, or every compile error, as ParticipantObjectDetail. A refused folder is
 * a minor failure: the previous rule set stays in force.
 */
public final class SecurityConfiguration {

    private SecurityConfiguration() {
    }

    public static AuditMessage of(RuleSetChange change, AuditIdentity identity) {
        boolean refused = change.kind() == GuardCode.RULE_SET_REFUSED;
        EventIdentification event = new EventIdentification(Code.SECURITY_ALERT,
                List.of(Code.SECURITY_CONFIGURATION, change.kind().code()), 'U', change.at(),
                refused ? Outcome.MINOR_FAILURE : Outcome.SUCCESS, description(change));
        List<ParticipantObject.Detail> details = new ArrayList<>();
        SecurityAlert.add(details, "previousRuleSetId", change.previousId());
        SecurityAlert.add(details, refused ? "refusedFolderId" : "ruleSetId", change.ruleSetId());
        if (change.ruleCount() >= 0) {
            details.add(new ParticipantObject.Detail("rules", String.valueOf(change.ruleCount())));
        }
        change.files().forEach(file -> details.add(new ParticipantObject.Detail("file", file)));
        change.errors().forEach(error -> details.add(new ParticipantObject.Detail("error", error)));
        String id = StudyObjects.present(change.ruleSetId()) ? change.ruleSetId() : "none";
        ParticipantObject ruleSet = new ParticipantObject(id, "2", "13", GuardCode.RULE_SET.code(), null, details,
                null);
        return new AuditMessage(event, List.of(identity.process(true)), identity.source(), List.of(ruleSet));
    }

    private static String description(RuleSetChange change) {
        return switch (change.kind()) {
            case RULE_SET_REFUSED -> "YARA Guard refused the rules folder " + change.ruleSetId() + " ("
                    + change.errors().size() + " errors); still in force: "
                    + (change.previousId() == null ? "no rule set" : change.previousId());
            case RULE_SET_RESTORED -> "YARA Guard rules folder restored to the rule set in force " + change.ruleSetId();
            default -> "YARA Guard rule set in force " + change.ruleSetId() + " (" + change.files().size()
                    + " files, " + change.ruleCount() + " rules), replacing "
                    + (change.previousId() == null ? "no rule set" : change.previousId());
        };
    }
}
