package org.yaraguard.engine.rules;

import org.yaraguard.engine.yara.YaraRules;

/**
 * The rule set in force for one scan, kept alive until closed even if the folder reloads meanwhile.
 *
 * @param lease      every rule: for the whole object and views of new bytes
 * @param sliceLease the rules that also run over slices of the object; {@code lease} itself when every rule does,
 *                   null when none does
 */
public record ActiveRules(RuleSet ruleSet, YaraRules.Lease lease, YaraRules.Lease sliceLease)
        implements AutoCloseable {

    @Override
    public void close() {
        lease.close();
        if (sliceLease != null && sliceLease != lease) {
            sliceLease.close();
        }
    }
}
