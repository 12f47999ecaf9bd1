package org.yaraguard.interceptor.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations with their count and sum since start, and quantiles over the last one to two periods, at the cost of a
 * few atomic increments per value: Micrometer's percentile timer cost ~0.7 µs per value here, and even one
 * System.nanoTime() ~0.1 µs, so recording reads no clock and the periods turn when quantiles are read. Values fall
 * into log-linear buckets (four per power of two), so a quantile is known to within a quarter of its size; it is
 * reported as its bucket's upper bound.
 */
final class LatencyWindow {

    private static final int SUB_BUCKET_BITS = 2;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = 64 * SUB_BUCKETS;

    private final long periodNanos;
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private volatile AtomicLongArray current = new AtomicLongArray(BUCKETS);
    private volatile AtomicLongArray previous = new AtomicLongArray(BUCKETS);
    private volatile long periodStart;

    LatencyWindow(long periodNanos, long now) {
        this.periodNanos = periodNanos;
        this.periodStart = now;
    }

    /** Records one duration. */
    void record(long nanos) {
        count.increment();
        totalNanos.add(nanos);
        current.incrementAndGet(bucket(Math.max(nanos, 1)));
    }

    long count() {
        return count.sum();
    }

    long totalNanos() {
        return totalNanos.sum();
    }

    /**
     * The {@code quantile} (0 to 1) of the values of this period and the one before, in nanoseconds; NaN if none.
     * Periods turn here, when the values are read (a scrape), never on the recording thread.
     */
    double quantileNanos(double quantile, long now) {
        if (now - periodStart >= periodNanos) {
            rotate(now);
        }
        AtomicLongArray newer = current;
        AtomicLongArray older = previous;
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += newer.get(i) + older.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += newer.get(i) + older.get(i);
            if (seen >= Math.max(rank, 1)) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    /**
     * The period's values become the previous ones; the previous ones are forgotten. Without a clock on the recording
     * side, values since the last turn count as this period's however long ago it was.
     */
    private synchronized void rotate(long now) {
        if (now - periodStart < periodNanos) {
            return;
        }
        AtomicLongArray forgotten = previous;
        for (int i = 0; i < BUCKETS; i++) {
            forgotten.set(i, 0);
        }
        previous = current;
        current = forgotten;
        periodStart = now;
    }

    /** Values below 4 have a bucket each; above, four buckets per power of two (the two bits after the leading one). */
    static int bucket(long nanos) {
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent < SUB_BUCKET_BITS) {
            return (int) nanos;
        }
        int sub = (int) (nanos >>> (exponent - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - 1) * SUB_BUCKETS + sub;
    }

    /** The largest value of {@code bucket}. */
    static double upperBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int exponent = bucket / SUB_BUCKETS + 1;
        int sub = bucket % SUB_BUCKETS;
        long width = 1L << (exponent - SUB_BUCKET_BITS);
        return (double) ((1L << exponent) + (sub + 1) * width - 1);
    }
}
