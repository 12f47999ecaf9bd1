package org.yaraguard.engine.rules;

import org.yaraguard.engine.yara.YaraRules;

/**
 * The rule set in force for one scan, kept alive until closed even if the folder reloads meanwhile.
 *
 * @param lease      every rule: for the whole object and views of new bytes
 * @param regionAwareLease the rules that also run over the preamble; {@code lease} itself when every rule does,
 *                   null when none does
 */
public record ActiveRules(RuleSet ruleSet, YaraRules.Lease lease, YaraRules.Lease regionAwareLease)
        implements AutoCloseable {

    @Override
    public void close() {
        lease.close();
        if (regionAwareLease != null && regionAwareLease != lease) {
            regionAwareLease.close();
        }
    }
}
