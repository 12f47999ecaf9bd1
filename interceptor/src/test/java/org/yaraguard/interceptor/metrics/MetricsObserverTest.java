package org.yaraguard.interceptor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.interceptor.guard.Mode;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;
import org.yaraguard.interceptor.guard.Ruling.Outcome;

/** The meters as a Prometheus scrape of WildFly's registry shows them. */
class MetricsObserverTest {

    private static final Origin C_STORE = new Origin("c-store", "MODALITY1", "DCM4CHEE", "10.0.0.5", "1.2.840.10008.1.2");
    private static final Origin STOW = new Origin("stow-rs", "STOWRS", "DCM4CHEE", "10.0.0.6", null);

    @TempDir
    Path quarantine;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<AuditOutboxState> audit = new AtomicReference<>(AuditOutboxState.notConfigured());
    private MetricsObserver observer;

    @AfterEach
    void close() {
        if (observer != null) {
            observer.close();
        }
    }

    @Test
    void objectsAreCountedBySourceActionAndOutcomeWithTheirBytes() {
        observer = start();
        observer.judged(ruling(Outcome.STORE, Mode.ENFORCE, verdict(Action.CLEAN, 1000)), C_STORE, 2_000_000);
        observer.judged(ruling(Outcome.STORE, Mode.ENFORCE, verdict(Action.CLEAN, 24)), C_STORE, 3_000_000);
        observer.judged(ruling(Outcome.REFUSE, Mode.ENFORCE, verdict(Action.REJECT, 500, "PE_In_Preamble")), STOW,
                4_000_000);
        observer.judged(ruling(Outcome.STORE, Mode.MONITOR, verdict(Action.REJECT, 1, "PE_In_Preamble")), C_STORE,
                1_000_000);

        String scrape = registry.scrape();
        assertThat(value(scrape, "yara_guard_objects_scanned_total{action=\"clean\",outcome=\"store\",source=\"c-store\"}"))
                .isEqualTo(2);
        assertThat(value(scrape, "yara_guard_objects_scanned_total{action=\"reject\",outcome=\"refuse\",source=\"stow-rs\"}"))
                .isEqualTo(1);
        assertThat(value(scrape, "yara_guard_objects_scanned_total{action=\"reject\",outcome=\"store\",source=\"c-store\"}"))
                .isEqualTo(1);
        assertThat(value(scrape, "yara_guard_bytes_scanned_total")).isEqualTo(1525);
        assertThat(value(scrape, "yara_guard_scan_seconds_count")).isEqualTo(4);
        assertThat(value(scrape, "yara_guard_scan_seconds_sum")).isEqualTo(0.010, within());
        assertThat(value(scrape, "yara_guard_scan_seconds_quantile{quantile=\"0.5\"}")).isBetween(0.001, 0.004);
        assertThat(value(scrape, "yara_guard_scan_seconds_quantile{quantile=\"0.99\"}")).isBetween(0.0035, 0.0045);
        assertThat(scrape).as("no AE title, host or UID is a label").doesNotContain("MODALITY1", "10.0.0.5", "1.2.840");
    }

    @Test
    void eachRuleCountsOncePerObjectAndTroubleByKind() {
        observer = start();
        Verdict twoRegions = verdict(Action.REJECT, 10, "PE_In_Preamble", "PE_In_Preamble", "PDF_JavaScript");
        observer.judged(ruling(Outcome.REFUSE, Mode.ENFORCE, twoRegions), C_STORE, 1);
        observer.judged(ruling(Outcome.REFUSE, Mode.ENFORCE, verdict(Action.REJECT, 10, "PE_In_Preamble")
                .withTrouble(new Trouble(Trouble.Kind.TOO_LARGE, "big"), Action.REJECT)), C_STORE, 1);

        String scrape = registry.scrape();
        assertThat(value(scrape, "yara_guard_findings_total{rule=\"PE_In_Preamble\"}")).isEqualTo(2);
        assertThat(value(scrape, "yara_guard_findings_total{rule=\"PDF_JavaScript\"}")).isEqualTo(1);
        assertThat(value(scrape, "yara_guard_trouble_total{kind=\"too-large\"}")).isEqualTo(1);
        assertThat(value(scrape, "yara_guard_trouble_total{kind=\"timeout\"}")).isZero();
    }

    @Test
    void labelsStayBoundedWhateverTheSourceOrTheNumberOfRules() {
        observer = start();
        observer.judged(ruling(Outcome.STORE, Mode.ENFORCE, verdict(Action.CLEAN, 1)),
                new Origin("something-new", "A", "B", "h", null), 1);
        for (int i = 0; i < RuleCounters.MAX_RULES + 5; i++) {
            observer.judged(ruling(Outcome.STORE, Mode.ENFORCE, verdict(Action.LOG, 1, "Rule_" + i)), C_STORE, 1);
        }

        String scrape = registry.scrape();
        assertThat(value(scrape, "yara_guard_objects_scanned_total{action=\"clean\",outcome=\"store\",source=\"other\"}"))
                .isEqualTo(1);
        assertThat(scrape.lines().filter(l -> l.startsWith("yara_guard_findings_total{")).count())
                .isEqualTo(RuleCounters.MAX_RULES + 1);
        assertThat(value(scrape, "yara_guard_findings_total{rule=\"other\"}")).isEqualTo(5);
    }

    @Test
    void reloadsAreCountedAndOnlyTheRuleSetInForceIsShown() {
        observer = start();
        observer.loaded(ruleSet("aaaa"));
        observer.refused("bbbb", List.of(new CompileError("x.yar", 3, "syntax error")));
        observer.loaded(ruleSet("cccc"));

        String scrape = registry.scrape();
        assertThat(value(scrape, "yara_guard_rule_reloads_total{result=\"accepted\"}")).isEqualTo(2);
        assertThat(value(scrape, "yara_guard_rule_reloads_total{result=\"refused\"}")).isEqualTo(1);
        assertThat(scrape.lines().filter(l -> l.startsWith("yara_guard_ruleset")).toList())
                .containsExactly("yara_guard_ruleset_info{ruleset_id=\"cccc\"} 1");
    }

    @Test
    void quarantineAndAuditAreReadWhenScraped() throws Exception {
        QuarantineSampler tally = QuarantineSampler.start(quarantine, Duration.ofDays(1));
        observer = new MetricsObserver(registry, tally, audit::get);
        audit.set(new AuditOutboxState(true, false, 3, 900, 10, 13, 2, Instant.EPOCH, "refused"));

        String scrape = registry.scrape();
        assertThat(value(scrape, "yara_guard_audit_sent_total")).isEqualTo(10);
        assertThat(value(scrape, "yara_guard_audit_spooled_total")).isEqualTo(13);
        assertThat(value(scrape, "yara_guard_audit_dropped_total")).isEqualTo(2);
        assertThat(value(scrape, "yara_guard_audit_spool_depth")).isEqualTo(3);
        assertThat(value(scrape, "yara_guard_audit_reachable")).isZero();
        assertThat(value(scrape, "yara_guard_quarantine_entries")).isZero();
        assertThat(scrape).contains("yara_guard_quarantine_bytes ");
    }

    @Test
    void withoutAnAuditOutboxThereAreNoAuditMeters() {
        observer = new MetricsObserver(registry, QuarantineSampler.start(quarantine, Duration.ofDays(1)), null);
        assertThat(registry.scrape()).doesNotContain("yara_guard_audit");
    }

    @Test
    void closingTakesEveryMeterOutOfTheRegistry() {
        observer = start();
        observer.loaded(ruleSet("aaaa"));
        observer.judged(ruling(Outcome.REFUSE, Mode.ENFORCE, verdict(Action.REJECT, 1, "R")), C_STORE, 1);
        registry.counter("someone.else").increment();

        observer.close();
        observer = null;

        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsExactly("someone.else");
    }

    private MetricsObserver start() {
        return new MetricsObserver(registry, QuarantineSampler.start(quarantine, Duration.ofDays(1)), audit::get);
    }

    private static Ruling ruling(Outcome outcome, Mode mode, Verdict verdict) {
        return new Ruling(outcome, verdict, mode, outcome == Outcome.REFUSE ? 0xC123 : 0, null, null);
    }

    private static Verdict verdict(Action action, long bytes, String... rules) {
        List<Finding> findings = Arrays.stream(rules).map(rule -> new Finding(rule, "default", List.of(), Map.of(),
                "object", List.of(0L), action, 1)).toList();
        return new Verdict(action, findings, List.of(), null, "set", "sha", bytes, 1, true, ReviewAttributes.empty(),
                0);
    }

    private static RuleSet ruleSet(String id) {
        return new RuleSet(id, Path.of("rules"), null, null, List.of(), Instant.EPOCH, List.of());
    }

    /** The value of the sample line starting with {@code series} (name and labels exactly as scraped). */
    static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + scrape));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
