package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Counts what the hook does in a Micrometer registry (names in the README, "Operations → Metrics"). Labels are
 * bounded and never come from an object: source, action, outcome, rule, trouble kind, rule set id — never a UID, an
 * AE title or a host. Meters are registered only through the registry's name-and-tags methods (see
 * {@link ScanTimer}) and removed again when the deployment goes.
 */
public final class MetricsObserver implements GuardObserver {

    static final String PREFIX = "yara.guard.";
    static final String BYTES = PREFIX + "bytes.scanned";
    static final String TROUBLE = PREFIX + "trouble";
    static final String RELOADS = PREFIX + "rule.reloads";
    static final String RULE_SET = PREFIX + "ruleset.info";
    static final String QUARANTINE_ENTRIES = PREFIX + "quarantine.entries";
    static final String QUARANTINE_BYTES = PREFIX + "quarantine.bytes";
    static final String AUDIT = PREFIX + "audit.";

    private final MeterRegistry registry;
    private final ObjectCounters objects;
    private final RuleCounters findings;
    private final ScanTimer scanTime;
    private final Counter bytes;
    private final Counter[] trouble;
    private final Counter accepted;
    private final Counter refused;
    private final QuarantineSampler quarantine;
    private final Supplier<AuditOutboxState> audit;
    private Gauge ruleSetInForce;

    /**
     * @param quarantine the background count of the quarantine folder, closed with this observer
     * @param audit      how audit delivery stands, or null when no audit outbox is wired
     */
    public MetricsObserver(MeterRegistry registry, QuarantineSampler quarantine, Supplier<AuditOutboxState> audit) {
        this.registry = registry;
        this.objects = new ObjectCounters(registry);
        this.findings = new RuleCounters(registry);
        this.scanTime = new ScanTimer(registry);
        this.bytes = registry.counter(BYTES);
        Trouble.Kind[] kinds = Trouble.Kind.values();
        this.trouble = new Counter[kinds.length];
        for (Trouble.Kind kind : kinds) {
            trouble[kind.ordinal()] = registry.counter(TROUBLE, "kind",
                    kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        this.accepted = registry.counter(RELOADS, "result", "accepted");
        this.refused = registry.counter(RELOADS, "result", "refused");
        this.quarantine = quarantine;
        registry.gauge(QUARANTINE_ENTRIES, Tags.empty(), quarantine, q -> q.last().entries());
        registry.gauge(QUARANTINE_BYTES, Tags.empty(), quarantine, q -> q.last().bytes());
        this.audit = audit;
        if (audit != null) {
            registry.more().counter(AUDIT + "sent", Tags.empty(), audit, a -> a.get().sent());
            registry.more().counter(AUDIT + "spooled", Tags.empty(), audit, a -> a.get().spooled());
            registry.more().counter(AUDIT + "dropped", Tags.empty(), audit, a -> a.get().dropped());
            registry.gauge(AUDIT + "spool.depth", Tags.empty(), audit, a -> a.get().spoolDepth());
            registry.gauge(AUDIT + "reachable", Tags.empty(), audit, a -> a.get().reachable() ? 1 : 0);
        }
    }

    @Override
    public void judged(Ruling ruling, Origin origin, long judgeNanos) {
        Verdict verdict = ruling.verdict();
        objects.of(origin.source(), verdict.action(), ruling.outcome()).increment();
        bytes.increment(verdict.bytes());
        if (judgeNanos > 0) {
            scanTime.record(judgeNanos);
        }
        if (verdict.trouble() != null) {
            trouble[verdict.trouble().kind().ordinal()].increment();
        }
        if (!verdict.findings().isEmpty()) {
            findings.count(verdict.findings());
        }
    }

    @Override
    public synchronized void loaded(RuleSet ruleSet) {
        accepted.increment();
        if (ruleSetInForce != null) {
            registry.remove(ruleSetInForce);
        }
        // An info metric: the value is always 1, the rule set id is the label (one series at a time).
        registry.gauge(RULE_SET, Tags.of("ruleset_id", ruleSet.id()), this, observer -> 1);
        ruleSetInForce = registry.find(RULE_SET).tag("ruleset_id", ruleSet.id()).gauge();
    }

    @Override
    public void refused(String folderId, List<CompileError> errors) {
        refused.increment();
    }

    /** Stops the quarantine count and takes this deployment's meters out of the registry. */
    @Override
    public void close() {
        quarantine.close();
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith(PREFIX)) {
                registry.remove(meter);
            }
        }
    }
}
