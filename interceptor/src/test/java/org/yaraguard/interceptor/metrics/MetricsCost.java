package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.Mode;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Benchmark, not a test: what the metrics observer adds per judged object, against a no-op observer in the same run,
 * with a registry shaped like WildFly's (a composite over a Prometheus registry). One object in ten is refused with two
 * findings, the rest are clean; C-STORE and STOW-RS alternate. Prints ns per object for 1 and 2 threads (median of
 * ROUNDS rounds, the two observers alternating). Run by {@code bench/hook.sh metrics}.
 */
public final class MetricsCost {

    private static final int OBJECTS = Integer.getInteger("objects", 2_000_000);
    private static final int ROUNDS = Integer.getInteger("rounds", 7);

    private MetricsCost() {
    }

    public static void main(String[] args) throws Exception {
        CompositeMeterRegistry server = new CompositeMeterRegistry();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server.add(prometheus);
        Path quarantine = Files.createTempDirectory("metrics-cost");
        GuardObserver metrics = new MetricsObserver(server, QuarantineSampler.start(quarantine, Duration.ofMinutes(1)),
                AuditOutboxState::notConfigured);
        GuardObserver none = new GuardObserver() {
        };
        Ruling[] rulings = rulings();
        Origin[] origins = {new Origin("c-store", "MOD", "ARC", "10.0.0.1", "1.2.840.10008.1.2"),
                new Origin("stow-rs", "STOW", "ARC", "10.0.0.2", null)};
        System.out.printf("metrics observer vs no-op observer, %,d objects per round, median of %d rounds%n",
                OBJECTS, ROUNDS);
        System.out.println("threads  no-op ns/object  metrics ns/object  added ns/object");
        for (int threads : new int[] {1, 2}) {
            for (int warm = 0; warm < 2; warm++) {
                run(none, rulings, origins, threads);
                run(metrics, rulings, origins, threads);
            }
            long[] noOp = new long[ROUNDS];
            long[] counted = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                noOp[round] = run(none, rulings, origins, threads);
                counted[round] = run(metrics, rulings, origins, threads);
            }
            double base = perObject(median(noOp));
            double with = perObject(median(counted));
            System.out.printf("%7d  %15.1f  %17.1f  %15.1f%n", threads, base, with, with - base);
        }
        int lines = prometheus.scrape().split("\n").length;
        System.out.printf("(scrape: %d lines, %d objects counted)%n", lines,
                (long) server.find(ObjectCounters.NAME).counters().stream().mapToDouble(c -> c.count()).sum());
        metrics.close();
    }

    /** Wall time of OBJECTS judged() calls on each of {@code threads} threads at once. */
    private static long run(GuardObserver observer, Ruling[] rulings, Origin[] origins, int threads)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < OBJECTS; i++) {
                    observer.judged(rulings[i % rulings.length], origins[i & 1], 1_000_000L + (i & 0xffff));
                }
            });
            worker.start();
            workers.add(worker);
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return System.nanoTime() - t0;
    }

    private static Ruling[] rulings() {
        Ruling[] rulings = new Ruling[10];
        Arrays.fill(rulings, new Ruling(Ruling.Outcome.STORE, verdict(Action.CLEAN), Mode.ENFORCE, 0, null, null));
        rulings[7] = new Ruling(Ruling.Outcome.REFUSE, verdict(Action.REJECT, "PE_In_Preamble", "ELF_In_Private"),
                Mode.ENFORCE, 0xC123, "refused", null);
        return rulings;
    }

    private static Verdict verdict(Action action, String... rules) {
        List<Finding> findings = Arrays.stream(rules).map(rule -> new Finding(rule, "default", List.of(), Map.of(),
                "object", List.of(0L), action, 1)).toList();
        return new Verdict(action, findings, List.of(), null, "set", "sha", 786_432, 5_000, true,
                ReviewAttributes.empty(), 0);
    }

    /** Wall time per object of one thread while all run at once: what each store's thread pays. */
    private static double perObject(long nanos) {
        return (double) nanos / OBJECTS;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
