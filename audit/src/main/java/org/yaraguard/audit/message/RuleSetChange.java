package org.yaraguard.audit.message;

import java.time.Instant;
import java.util.List;

/**
 * A rule set that went live, a rules folder refused, or a refused folder restored to the set in force.
 *
 * @param kind         {@link GuardCode#RULE_SET_LIVE}, {@link GuardCode#RULE_SET_REFUSED} or
 *                     {@link GuardCode#RULE_SET_RESTORED}
 * @param previousId   the rule set in force before, or null
 * @param ruleSetId    the rule set now in force (live, restored) or the refused folder's id
 * @param files        rule files as "path sha256" (live, restored)
 * @param ruleCount    rules compiled (live, restored), or -1
 * @param errors       compile errors as "file:line: message" (refused)
 */
public record RuleSetChange(Instant at, GuardCode kind, String previousId, String ruleSetId, List<String> files,
        int ruleCount, List<String> errors) {

    public RuleSetChange {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }
}
