package org.yaraguard.engine.spool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The memory that files too large for a reader's own buffer may hold at once, shared by all the readers of a
 * process, so that many threads over huge files cannot exhaust memory: a file waits until its size is free, and a
 * file larger than the whole budget is never read (see {@link ReadBuffer}). Blocks given back are kept for the next
 * large file and freed only when their memory is needed for a larger one or on {@link #close()}: fresh memory costs
 * page faults on first touch (see {@link HugePages}), many where huge pages are off.
 * Thread-safe.
 */
public final class ReadBudget implements AutoCloseable {

    /** Buffers are allocated in whole huge pages, so that files of nearly the same size also reuse each other's. */
    private static final long GRANULE = HugePages.SIZE;

    private final long total;
    /** Bytes not allocated to any buffer. */
    private long unallocated;
    /** Allocated blocks that no object holds. */
    private final List<HugePages.Block> idle = new ArrayList<>();

    /** {@code total} bytes at most, and at most {@link Integer#MAX_VALUE} (one buffer's largest capacity). */
    public ReadBudget(long total) {
        if (total < 0 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("read budget must be between 0 and " + Integer.MAX_VALUE + ": " + total);
        }
        this.total = total;
        this.unallocated = total;
    }

    /** The whole budget: the largest file that can ever be read. */
    public long total() {
        return total;
    }

    /** Bytes of buffers that objects hold right now. */
    synchronized long held() {
        return total - unallocated - idle.stream().mapToLong(b -> b.bytes().capacity()).sum();
    }

    /** A block whose buffer has room for {@code size} bytes (its limit; at most {@link #total()}); waits until it fits. */
    HugePages.Block take(int size) throws IOException {
        if (size > total) {
            throw new ObjectTooLargeException(size, total);
        }
        int capacity = (int) Math.min(total, (size + GRANULE - 1) / GRANULE * GRANULE);
        synchronized (this) {
            try {
                while (true) {
                    HugePages.Block reused = idle.stream().filter(b -> b.bytes().capacity() >= size)
                            .min(Comparator.comparingInt(b -> b.bytes().capacity())).orElse(null);
                    if (reused != null) {
                        idle.remove(reused);
                        reused.bytes().clear().limit(size);
                        return reused;
                    }
                    if (unallocated >= capacity) {
                        unallocated -= capacity;
                        break;
                    }
                    if (idle.isEmpty()) {
                        wait();
                    } else {
                        HugePages.Block oldest = idle.remove(0);
                        unallocated += oldest.bytes().capacity();
                        oldest.close();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + size + " bytes of read budget");
            }
        }
        try {
            HugePages.Block block = HugePages.allocate(capacity);
            block.bytes().limit(size);
            return block;
        } catch (OutOfMemoryError e) {
            synchronized (this) {
                unallocated += capacity;
                notifyAll();
            }
            // malloc failed: this file fails, the process goes on.
            throw new IOException("no memory left for " + capacity + " bytes (" + e.getMessage() + ")", e);
        }
    }

    /** Takes back a block from {@link #take(int)}; it is kept for the next file. */
    synchronized void giveBack(HugePages.Block block) {
        idle.add(block);
        notifyAll();
    }

    /** Frees the buffers no object holds. */
    @Override
    public synchronized void close() {
        for (HugePages.Block block : idle) {
            unallocated += block.bytes().capacity();
            block.close();
        }
        idle.clear();
    }
}
