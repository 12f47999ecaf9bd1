package org.yaraguard.engine.quarantine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The hook's rules as the console shows them: the rule set in force (null id when none) and, when the last reload
 * was refused, when and why ({@code errors} as file:line: message).
 *
 * @param rulesetId the id of the rule set in force, or null
 * @param folder    the rules folder
 * @param files     rule files in the set in force
 * @param rules     rules in the set in force
 * @param loadedAt  when the set in force went live (ISO-8601), or null
 * @param refusedAt when the last reload was refused (ISO-8601), or null when it went live
 * @param errors    the refused reload's errors; empty when it went live
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RulesStatus(String rulesetId, String folder, int files, int rules, String loadedAt, String refusedAt,
        List<String> errors) {

    public RulesStatus {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** True when the last reload was refused. */
    public boolean refused() {
        return refusedAt != null;
    }
}
