package org.yaraguard.interceptor.audit;

import java.io.ByteArrayInputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
 * Three guards judge the same object in alternating rounds, each object a refusal (quarantined, recorded, audited):
 * one without audit; one with the real outbox sending over UDP to a bound loopback socket (the repository up); one
 * with the real outbox sending over TLS to a port where nothing listens, so that every message stays in the on-disk
 * spool and the sender keeps retrying (the repository away). Prints objects/s of each, their ratios, and what the
 * spools hold at the end; asserts nothing.
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
        try (DatagramSocket repository = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                AuditOutbox up = new AuditDelivery("udp://127.0.0.1:" + repository.getLocalPort(),
                        temp.resolve("spool-up"), 1L << 30, TlsStores.jvmDefault()).start(Clock.systemUTC());
                AuditOutbox away = new AuditDelivery("tls://127.0.0.1:" + closedPort, temp.resolve("spool-away"),
                        1L << 30, TlsStores.jvmDefault()).start(Clock.systemUTC());
                Guard quiet = guard(temp.resolve("plain"), rules, List.of());
                Guard upGuard = guard(temp.resolve("up"), rules, List.of(observer(up)));
                Guard awayGuard = guard(temp.resolve("away"), rules, List.of(observer(away)))) {
            double[] without = new double[ROUNDS];
            double[] withUp = new double[ROUNDS];
            double[] withAway = new double[ROUNDS];
            Guard[] arms = {quiet, upGuard, awayGuard};
            double[][] rates = {without, withUp, withAway};
            for (int round = -3; round < ROUNDS; round++) {
                // Each arm goes first, second and third in turn: no arm gains from its place in the round.
                for (int turn = 0; turn < arms.length; turn++) {
                    int arm = Math.floorMod(round + turn, arms.length);
                    double rate = rate(arms[arm], object, origin);
                    if (round >= 0) {
                        rates[arm][round] = rate;
                    }
                }
            }
            System.out.printf("object: %s, %d bytes, every one refused; %d rounds x %d objects per arm%n", args[0],
                    object.length, ROUNDS, PER_ROUND);
            System.out.printf("without audit:                      median %8.1f objects/s%n", median(without));
            System.out.printf("with audit, repository up (UDP):    median %8.1f objects/s  ratio %.3f%n",
                    median(withUp), median(withUp) / median(without));
            System.out.printf("with audit, repository away (TLS):  median %8.1f objects/s  ratio %.3f (%.3f of up)%n",
                    median(withAway), median(withAway) / median(without), median(withAway) / median(withUp));
            print("up", up.state());
            print("away", away.state());
        }
    }

    private static Guard guard(Path folder, String rules, List<GuardObserver> observers) throws Exception {
        Map<String, String> properties = GuardFolders.under(folder, rules);
        return Guard.start(GuardSettings.from(properties::get), Clock.systemUTC(), observers);
    }

    private static GuardObserver observer(AuditOutbox outbox) {
        return new AuditObserver(outbox, AuditIdentity.ofThisHost(null, null, false), Clock.systemUTC());
    }

    private static void print(String arm, AuditOutboxState state) {
        System.out.printf("spool %-4s at the end: %d messages, %d bytes; sent %d, dropped %d; reachable %s; last error: %s%n",
                arm, state.spoolDepth(), state.spoolBytes(), state.sent(), state.dropped(), state.reachable(),
                state.lastError());
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
