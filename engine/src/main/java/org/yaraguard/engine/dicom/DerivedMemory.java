package org.yaraguard.engine.dicom;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One process-wide budget for the derived views (inflated, reassembled, swapped, decoded bytes) of all inspections
 * in flight. Memory is reserved before it is allocated, so parallel deflate bombs get a refusal (an incomplete
 * inspection of their own) instead of an OutOfMemoryError in some unrelated object, and it comes back as soon as
 * each inspection is closed.
 */
final class DerivedMemory {

    private static final System.Logger LOG = System.getLogger(DerivedMemory.class.getName());
    /** Derived views may use this share of the JVM's direct memory; the rest stays for I/O and libyara's callers. */
    private static final int SHARE_DIVISOR = 2;
    private static final DerivedMemory SHARED = new DerivedMemory(maxDirectMemory() / SHARE_DIVISOR);

    private final long budget;
    private final AtomicLong available;

    DerivedMemory(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        this.budget = budget;
        this.available = new AtomicLong(budget);
    }

    /** The budget all inspectors of this JVM share. */
    static DerivedMemory shared() {
        return SHARED;
    }

    long budget() {
        return budget;
    }

    /** Bytes not reserved right now. */
    long available() {
        return available.get();
    }

    /** Takes bytes from the budget; false (nothing taken) when it has not that much left. */
    boolean reserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        long left;
        do {
            left = available.get();
            if (left < bytes) {
                return false;
            }
        } while (!available.compareAndSet(left, left - bytes));
        return true;
    }

    /** Gives back bytes taken by {@link #reserve}. */
    void release(long bytes) {
        available.addAndGet(bytes);
    }

    /** -XX:MaxDirectMemorySize, or the maximum heap size that HotSpot uses when it is not set. */
    private static long maxDirectMemory() {
        try {
            String value = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("MaxDirectMemorySize").getValue();
            long configured = Long.parseLong(value);
            if (configured > 0) {
                return configured;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "MaxDirectMemorySize is not readable; using the heap size", e);
        }
        return Runtime.getRuntime().maxMemory();
    }
}
