package org.yaraguard.engine.rules;

import org.yaraguard.engine.yara.YaraRules;

/** The rule set in force for one scan, kept alive until closed even if the folder reloads meanwhile. */
public record ActiveRules(RuleSet ruleSet, YaraRules.Lease lease) implements AutoCloseable {

    @Override
    public void close() {
        lease.close();
    }
}
