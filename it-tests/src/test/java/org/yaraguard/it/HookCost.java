package org.yaraguard.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One case of the hook-cost benchmark: alternating batches of the hooked and the unhooked arm, after unrecorded
 * warm-up batches of each. Throughput of an arm is its objects over the sum of its batches' wall times; latency is per request.
 */
record HookCost(double hookedPerSecond, double unhookedPerSecond, long[] hookedMicros, long[] unhookedMicros) {

    static final String HEADER = "rules    path    conc  with/s  without/s  ratio   p50 with/without  p99 with/without"
            + "  added p50/p99 (ms)";

    private static final int WARM_UP_BATCHES = 4;

    static HookCost measure(BenchClient client, BenchClient.Path path, List<byte[]> bodies, int concurrency,
            int rounds, int batch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger next = new AtomicInteger();
            Arm hooked = new Arm();
            Arm unhooked = new Arm();
            // Unrecorded: the server's JIT is still compiling the store path for the first case measured (with one
            // batch each, the unhooked C-STORE arm of the first case ran at 61/s, the same arm of a later case 105/s).
            for (int warmUp = 0; warmUp < WARM_UP_BATCHES; warmUp++) {
                batch(pool, client, path, true, bodies, next, concurrency, batch, new Arm());
                batch(pool, client, path, false, bodies, next, concurrency, batch, new Arm());
            }
            for (int round = 0; round < rounds; round++) {
                boolean hookedFirst = round % 2 == 0;
                batch(pool, client, path, hookedFirst, bodies, next, concurrency, batch, hookedFirst ? hooked : unhooked);
                batch(pool, client, path, !hookedFirst, bodies, next, concurrency, batch, hookedFirst ? unhooked : hooked);
            }
            return new HookCost(hooked.perSecond(), unhooked.perSecond(), hooked.sorted(), unhooked.sorted());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void batch(ExecutorService pool, BenchClient client, BenchClient.Path path, boolean hooked,
            List<byte[]> bodies, AtomicInteger next, int concurrency, int batch, Arm arm) throws Exception {
        AtomicInteger left = new AtomicInteger(batch);
        long start = System.nanoTime();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                List<Long> micros = new ArrayList<>();
                while (left.getAndDecrement() > 0) {
                    byte[] body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                    long sent = System.nanoTime();
                    client.store(path, hooked, body);
                    micros.add((System.nanoTime() - sent) / 1_000);
                }
                return micros;
            }));
        }
        for (Future<List<Long>> worker : workers) {
            arm.micros.addAll(worker.get());
        }
        arm.nanos += System.nanoTime() - start;
    }

    String line(String rules, String path, int concurrency) {
        return "%-8s %-7s %4d %7.1f %10.1f %6.3f %8.1f / %-8.1f %8.1f / %-8.1f %+7.2f / %+.2f".formatted(rules, path,
                concurrency, hookedPerSecond, unhookedPerSecond, hookedPerSecond / unhookedPerSecond,
                millis(hookedMicros, 50), millis(unhookedMicros, 50), millis(hookedMicros, 99),
                millis(unhookedMicros, 99), millis(hookedMicros, 50) - millis(unhookedMicros, 50),
                millis(hookedMicros, 99) - millis(unhookedMicros, 99));
    }

    private static double millis(long[] sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    /** What one arm gathered over its batches. */
    private static final class Arm {
        final List<Long> micros = new ArrayList<>();
        long nanos;

        double perSecond() {
            return micros.size() / (nanos / 1e9);
        }

        long[] sorted() {
            long[] values = micros.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(values);
            return values;
        }
    }
}
