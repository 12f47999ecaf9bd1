package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.yaraguard.engine.scan.Finding;

/**
 * Objects in which each rule matched. Rule names come from the administrator's rules, not from objects, but rule
 * sets change over the server's life: past {@link #MAX_RULES} names, further rules share the label {@code other}.
 */
final class RuleCounters {

    static final String NAME = "yara.guard.findings";
    static final int MAX_RULES = 500;
    static final String OTHER_RULE = "other";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> byRule = new ConcurrentHashMap<>();
    private final Counter other;

    RuleCounters(MeterRegistry registry) {
        this.registry = registry;
        this.other = registry.counter(NAME, Tags.of("rule", OTHER_RULE));
    }

    /** Counts each rule of {@code findings} once, however many regions it matched in. */
    void count(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            String rule = findings.get(i).rule();
            if (!seenBefore(findings, i, rule)) {
                counter(rule).increment();
            }
        }
    }

    private static boolean seenBefore(List<Finding> findings, int end, String rule) {
        for (int i = 0; i < end; i++) {
            if (findings.get(i).rule().equals(rule)) {
                return true;
            }
        }
        return false;
    }

    private Counter counter(String rule) {
        Counter counter = byRule.get(rule);
        if (counter != null) {
            return counter;
        }
        if (byRule.size() >= MAX_RULES || OTHER_RULE.equals(rule)) {
            return other;
        }
        return byRule.computeIfAbsent(rule, name -> registry.counter(NAME, Tags.of("rule", name)));
    }
}
