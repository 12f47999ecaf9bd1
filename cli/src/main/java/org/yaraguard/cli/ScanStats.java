package org.yaraguard.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;

/** The figures {@code scan --stats} prints: throughput, per-object latency percentiles and peak heap. */
final class ScanStats {

    private ScanStats() {
    }

    static void print(List<ScanResult> results, long elapsedNanos, PrintWriter err) {
        long[] micros = results.stream().filter(r -> r.verdict() != null)
                .mapToLong(r -> r.verdict().micros()).sorted().toArray();
        long bytes = results.stream().mapToLong(ScanResult::bytes).sum();
        double seconds = elapsedNanos / 1e9;
        err.printf("stats: %d objects, %.1f MiB in %.3f s = %.1f MiB/s; per object p50 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms; peak heap %.1f MiB%n",
                results.size(), bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds, percentile(micros, 50) / 1e3,
                percentile(micros, 99) / 1e3, micros.length == 0 ? 0 : micros[micros.length - 1] / 1e3,
                peakHeapBytes() / 1048576.0);
        err.flush();
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Sum of the heap pools' peaks (an upper bound of the peak heap in use). */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
