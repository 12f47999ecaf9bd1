package org.yaraguard.interceptor.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.guard.Mode;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * What the status observer costs the storing thread per judged object, printed, not asserted: {@code judged} (a few
 * map increments under one lock) against an observer that does nothing, on 1 and 4 threads, with the background
 * writer running. Run: {@code java -cp interceptor/target/classes:interceptor/target/test-classes:DEPENDENCIES
 * org.yaraguard.interceptor.status.StatusCostBench}.
 */
public final class StatusCostBench {

    private static final int OBJECTS = 2_000_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path temp = Files.createTempDirectory("status-bench");
        GuardSettings settings = GuardSettings.from(Map.of(
                "yara-guard.rules.dir", temp.resolve("rules").toString(),
                "yara-guard.quarantine.dir", temp.resolve("quarantine").toString(),
                "yara-guard.spool.dir", temp.resolve("spool").toString(),
                "yara-guard.findings.log", temp.resolve("findings.log").toString(),
                "yara-guard.approval.dir", temp.resolve("approvals").toString())::get);
        Origin origin = new Origin("c-store", "MODALITY1", "DCM4CHEE", "10.0.0.5", "1.2.840.10008.1.2.1");
        List<Ruling> rulings = rulings();
        GuardObserver nothing = new GuardObserver() {
        };
        try (StatusObserver status = StatusObserver.start(settings, Clock.systemUTC(), AuditOutboxState::notConfigured)) {
            for (int round = 1; round <= ROUNDS; round++) {
                for (int threads : new int[] {1, 4}) {
                    double baseline = nanosPerObject(nothing, rulings, origin, threads);
                    double observed = nanosPerObject(status, rulings, origin, threads);
                    System.out.printf("round %d, %d threads: status observer %.0f ns/object, no-op observer %.0f"
                            + " ns/object%n", round, threads, observed, baseline);
                }
            }
        }
    }

    /** Clean, logged, tagged and refused rulings as a busy archive sees them, mostly clean. */
    private static List<Ruling> rulings() {
        List<Ruling> rulings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Action action = i < 94 ? Action.CLEAN : i < 97 ? Action.LOG : i < 99 ? Action.TAG : Action.REJECT;
            List<Finding> findings = action == Action.CLEAN ? List.of() : List.of(new Finding("rule_" + (i % 7),
                    "default", List.of(), Map.of(), "file", List.of(0L), action, 1));
            Verdict verdict = new Verdict(action, findings, List.of(), null, "ruleset", null, 1000, 10, true, null, 0);
            rulings.add(new Ruling(action == Action.REJECT ? Ruling.Outcome.REFUSE : action == Action.TAG
                    ? Ruling.Outcome.TAG : Ruling.Outcome.STORE, verdict, Mode.ENFORCE, 0, null, null));
        }
        return rulings;
    }

    private static double nanosPerObject(GuardObserver observer, List<Ruling> rulings, Origin origin, int threads)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < OBJECTS / threads; i++) {
                    observer.judged(rulings.get(i % rulings.size()), origin, 0);
                }
                done.countDown();
            }).start();
        }
        done.await();
        return (System.nanoTime() - start) / (double) OBJECTS;
    }
}
