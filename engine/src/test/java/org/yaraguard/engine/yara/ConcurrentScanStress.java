package org.yaraguard.engine.yara;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Run in a JVM of its own by {@link ScanHazardsTest}: four threads scan while others allocate, force collections
 * and take implicit null checks (safepoint polls and implicit null checks are SIGSEGV in HotSpot). Without
 * SCAN_FLAGS_NO_TRYCATCH libyara's signal handlers catch those and this JVM hangs, ignoring SIGTERM, which is why
 * it runs in a child process that the test can kill. Prints "ok" and exits 0 when every scan found every match.
 */
final class ConcurrentScanStress {

    static final String OK = "ok";
    private static final int RULES = 20;
    private static final int THREADS = 4;
    private static final int SCANS_PER_THREAD = 25;

    private ConcurrentScanStress() {
    }

    public static void main(String[] args) throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < RULES; i++) {
            source.append("rule marker_").append(i).append(" { strings: $m = \"YG-MARKER-").append(i)
                    .append("-END\" condition: $m }\n");
        }
        compiler.addSource("stress", source.toString(), "stress.yar");
        ByteBuffer input = ByteBuffer.allocateDirect(4 << 20);
        for (int i = 0; i < RULES; i++) {
            input.put(i * (input.capacity() / RULES), ("YG-MARKER-" + i + "-END").getBytes());
        }
        List<String> expected = IntStream.range(0, RULES).mapToObj(i -> "marker_" + i).toList();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong javaWork = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 3);
        try (YaraRules rules = compiler.compile(); YaraRules.Lease lease = rules.lease().orElseThrow()) {
            List<Future<?>> background = List.of(
                    pool.submit(() -> allocate(running)),
                    pool.submit(() -> collect(running)),
                    pool.submit(() -> throwNullPointers(running, javaWork)));
            List<Future<Integer>> scanners = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                scanners.add(pool.submit(() -> {
                    int correct = 0;
                    for (int i = 0; i < SCANS_PER_THREAD; i++) {
                        List<String> found = lease.scan(input.duplicate(), Map.of(), Duration.ofMinutes(1)).stream()
                                .map(m -> m.rule().identifier()).toList();
                        correct += found.equals(expected) ? 1 : 0;
                    }
                    return correct;
                }));
            }
            int correct = 0;
            for (Future<Integer> scanner : scanners) {
                correct += scanner.get();
            }
            running.set(false);
            for (Future<?> f : background) {
                f.get();
            }
            if (correct != THREADS * SCANS_PER_THREAD || javaWork.get() == 0) {
                System.out.println("correct scans: " + correct + " of " + THREADS * SCANS_PER_THREAD);
                System.exit(1);
            }
            System.out.println(OK);
        } finally {
            running.set(false);
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void allocate(AtomicBoolean running) {
        List<byte[]> churn = new ArrayList<>();
        while (running.get()) {
            churn.add(new byte[64 * 1024]);
            if (churn.size() > 200) {
                churn.clear();
            }
        }
    }

    static void collect(AtomicBoolean running) {
        while (running.get()) {
            System.gc();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void throwNullPointers(AtomicBoolean running, AtomicLong work) {
        String[] maybe = {"x", null};
        while (running.get()) {
            for (int i = 0; i < 10_000; i++) {
                try {
                    work.addAndGet(maybe[i & 1].length());
                } catch (NullPointerException expectedForOddIndexes) {
                    work.incrementAndGet();
                }
            }
        }
    }
}
