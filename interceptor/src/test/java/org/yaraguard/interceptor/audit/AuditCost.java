package org.yaraguard.interceptor.audit;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.GuardFolders;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Benchmark (bench/hook.sh audit FILE): what the audit observer adds on the store's thread for one object, beside
 * what judging that object costs, in the same run. A rule matching every object makes each one a refusal, the
 * audited case; the clean case is the same ruling with a clean verdict. Prints figures; asserts nothing.
 */
public final class AuditCost {

    private static final int ROUNDS = 20;
    private static final int PER_ROUND = 2_000;

    private AuditCost() {
    }

    public static void main(String[] args) throws Exception {
        byte[] object = Files.readAllBytes(Path.of(args[0]));
        Path temp = Files.createTempDirectory("audit-cost");
        Map<String, String> properties = GuardFolders.under(temp,
                "rule Every_Object { meta: action = \"reject\" condition: true }");
        Origin origin = new Origin("stow-rs", "MODALITY1", "DCM4CHEE", "10.1.2.3", null);
        Discard outbox = new Discard();
        AuditObserver observer = new AuditObserver(outbox, AuditIdentity.ofThisHost(null, null, false),
                Clock.systemUTC());
        try (Guard guard = Guard.start(GuardSettings.from(properties::get), Clock.systemUTC(), List.of())) {
            Ruling refused = judge(guard, object, origin);
            Ruling clean = new Ruling(Ruling.Outcome.STORE, new org.yaraguard.engine.scan.Verdict(
                    org.yaraguard.engine.scan.Action.CLEAN, List.of(), List.of(), null, refused.verdict().ruleSetId(),
                    null, object.length, 0, true, refused.verdict().attributes(), 0), refused.mode(), 0, null, null);
            double[] judge = new double[ROUNDS / 4];
            double[] audited = new double[ROUNDS];
            double[] notAudited = new double[ROUNDS];
            for (int round = -3; round < ROUNDS; round++) {
                if (round >= 0 && round < judge.length) {
                    long start = System.nanoTime();
                    for (int i = 0; i < 50; i++) {
                        judge(guard, object, origin);
                    }
                    judge[round] = (System.nanoTime() - start) / 50 / 1000.0;
                }
                long start = System.nanoTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    observer.judged(refused, origin, 0);
                }
                long middle = System.nanoTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    observer.judged(clean, origin, 0);
                }
                long end = System.nanoTime();
                if (round >= 0) {
                    audited[round] = (middle - start) / (double) PER_ROUND / 1000.0;
                    notAudited[round] = (end - middle) / (double) PER_ROUND / 1000.0;
                }
            }
            System.out.printf("object: %s, %d bytes; message: %d bytes%n", args[0], object.length, outbox.lastSize);
            System.out.printf("judge (scan, quarantine, findings), per object:  median %8.1f µs%n", median(judge));
            System.out.printf("audit observer, refused object (XML built):     median %8.1f µs  p90 %8.1f µs  = %.1f %% of judge%n",
                    median(audited), percentile(audited, 0.9), 100 * median(audited) / median(judge));
            System.out.printf("audit observer, clean object (nothing built):   median %8.3f µs%n", median(notAudited));
        }
    }

    private static Ruling judge(Guard guard, byte[] object, Origin origin) throws Exception {
        try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(object))) {
            return guard.judge(spooled, origin);
        }
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    /** Takes the messages and keeps only the last size, as the spool would take them off the thread. */
    private static final class Discard implements AuditOutbox {
        volatile int lastSize;

        @Override
        public void submit(byte[] auditMessageXml) {
            lastSize = auditMessageXml.length;
        }

        @Override
        public AuditOutboxState state() {
            return AuditOutboxState.notConfigured();
        }

        @Override
        public void close() {
        }
    }
}
