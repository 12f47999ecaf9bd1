package org.yaraguard.interceptor.audit;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaraguard.audit.AuditDelivery;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.audit.syslog.TlsStores;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.GuardFolders;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.guard.Origin;

/**
 * Benchmark (bench/hook.sh audit-outage FILE): does ingest keep its pace while the Audit Record Repository is away?
 * Two guards judge the same object in alternating rounds, each object a refusal (quarantined, recorded, audited):
 * one without audit, one with the real outbox sending over TLS to a port where nothing listens, so every message
 * goes to the on-disk spool and the sender keeps retrying. Prints objects/s of both and their ratio, and what the
 * spool holds at the end; asserts nothing.
 */
public final class AuditOutageCost {

    private static final int ROUNDS = 12;
    private static final int PER_ROUND = 100;

    private AuditOutageCost() {
    }

    public static void main(String[] args) throws Exception {
        byte[] object = Files.readAllBytes(Path.of(args[0]));
        Origin origin = new Origin("stow-rs", "MODALITY1", "DCM4CHEE", "10.1.2.3", null);
        String rules = "rule Every_Object { meta: action = \"reject\" condition: true }";
        Path temp = Files.createTempDirectory("audit-outage");
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        AuditOutbox outbox = new AuditDelivery("tls://127.0.0.1:" + closedPort, temp.resolve("audit-spool"),
                1L << 30, TlsStores.jvmDefault()).start(Clock.systemUTC());
        GuardObserver audit = new AuditObserver(outbox, AuditIdentity.ofThisHost(null, null, false), Clock.systemUTC());
        Map<String, String> plain = GuardFolders.under(temp.resolve("plain"), rules);
        Map<String, String> audited = GuardFolders.under(temp.resolve("audited"), rules);
        double[] without = new double[ROUNDS];
        double[] with = new double[ROUNDS];
        try (Guard quiet = Guard.start(GuardSettings.from(plain::get), Clock.systemUTC(), List.of());
                Guard auditing = Guard.start(GuardSettings.from(audited::get), Clock.systemUTC(), List.of(audit))) {
            for (int round = -2; round < ROUNDS; round++) {
                double a = rate(quiet, object, origin);
                double b = rate(auditing, object, origin);
                if (round >= 0) {
                    without[round] = a;
                    with[round] = b;
                }
            }
            AuditOutboxState state = outbox.state();
            System.out.printf("object: %s, %d bytes, every one refused; %d rounds x %d objects per arm%n", args[0],
                    object.length, ROUNDS, PER_ROUND);
            System.out.printf("without audit:                      median %8.1f objects/s%n", median(without));
            System.out.printf("with audit, repository unreachable: median %8.1f objects/s  ratio %.3f%n",
                    median(with), median(with) / median(without));
            System.out.printf("spool at the end: %d messages, %d bytes; sent %d, dropped %d; reachable %s; last error: %s%n",
                    state.spoolDepth(), state.spoolBytes(), state.sent(), state.dropped(), state.reachable(),
                    state.lastError());
        } finally {
            outbox.close();
        }
    }

    private static double rate(Guard guard, byte[] object, Origin origin) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < PER_ROUND; i++) {
            try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(object))) {
                guard.judge(spooled, origin);
            }
        }
        return PER_ROUND / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
