package org.yaraguard.interceptor.guard;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.yaraguard.engine.spool.SpooledObject;

/**
 * Benchmark, not a test: the memory the hook's path (spool, judge, stream to store) takes, run with a small heap:
 * peak heap after a full collection, peak JVM direct memory (sampled) and the process's peak RSS, for one object of
 * each size given and for {@code threads} concurrent stores. Run by {@code bench/hook.sh memory}.
 * Arguments: RULES_DIR THREADS SIZE_MIB...
 */
public final class HookMemory {

    private HookMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path temp = Files.createTempDirectory("hook-memory");
        Map<String, String> properties = GuardFolders.under(temp, "rule unused { condition: false }");
        properties.put("yara-guard.rules.dir", rules.toAbsolutePath().toString());
        properties.put("yara-guard.scan.timeout", "3600");
        Origin origin = new Origin("stow-rs", "BENCHSCU", "DCM4CHEE", "127.0.0.1", null);
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        AtomicLong peakDirect = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakDirect.accumulateAndGet(direct.getMemoryUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try (Guard guard = Guard.start(GuardSettings.from(properties::get), Clock.systemUTC())) {
            int number = 0;
            for (int a = 2; a < args.length; a++) {
                long mib = Long.parseLong(args[a]);
                for (int concurrency : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
                    System.gc();
                    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                    peakDirect.set(direct.getMemoryUsed());
                    int first = number;
                    number += concurrency;
                    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
                    List<Future<String>> stores = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int t = 0; t < concurrency; t++) {
                        int n = first + t;
                        stores.add(pool.submit(() -> store(guard, new SyntheticObject(mib << 20, n), origin)));
                    }
                    List<String> outcomes = new ArrayList<>();
                    for (Future<String> store : stores) {
                        outcomes.add(store.get());
                    }
                    pool.shutdown();
                    System.out.printf("%5d MiB x %d: peak heap %.1f MiB (of -Xmx %d MiB), peak direct %.1f MiB,"
                                    + " peak RSS %d MiB, %.1f s, %s%n", mib, concurrency, peakHeap() / 1048576.0,
                            Runtime.getRuntime().maxMemory() >> 20, peakDirect.get() / 1048576.0, peakRssMib(),
                            (System.nanoTime() - start) / 1e9, outcomes.stream().distinct().toList());
                }
            }
        }
        sampler.interrupt();
    }

    private static String store(Guard guard, SyntheticObject object, Origin origin) throws Exception {
        try (SpooledObject spooled = guard.spool(object)) {
            Ruling ruling = guard.judge(spooled, origin);
            if (ruling.outcome() == Ruling.Outcome.REFUSE) {
                return ruling.outcome() + " " + ruling.verdict().trouble();
            }
            try (InputStream stored = guard.streamToStore(spooled, ruling, origin)) {
                stored.transferTo(OutputStream.nullOutputStream());
            }
            return ruling.outcome() + (ruling.verdict().trouble() == null ? "" : " " + ruling.verdict().trouble());
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** VmHWM: the process's peak resident memory so far (it never goes down, so the rows are cumulative). */
    private static long peakRssMib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }
}
