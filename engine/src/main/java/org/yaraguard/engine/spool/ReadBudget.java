package org.yaraguard.engine.spool;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * The memory that files too large for a reader's own buffer may hold at once, shared by all the readers of a
 * process, so that many threads over huge files cannot exhaust memory: a file waits until its size is free, and a
 * file larger than the whole budget is never read (see {@link ReadBuffer}). Thread-safe.
 */
public final class ReadBudget {

    private final long total;
    private long free;

    public ReadBudget(long total) {
        if (total < 0) {
            throw new IllegalArgumentException("read budget must not be negative: " + total);
        }
        this.total = total;
        this.free = total;
    }

    /** The whole budget: the largest file that can ever be read. */
    public long total() {
        return total;
    }

    /** Bytes not held right now. */
    synchronized long free() {
        return free;
    }

    /** Takes {@code bytes} (at most {@link #total()}), waiting until they are free. */
    synchronized void take(long bytes) throws IOException {
        if (bytes > total) {
            throw new ObjectTooLargeException(bytes, total);
        }
        try {
            while (free < bytes) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + bytes + " bytes of read budget");
        }
        free -= bytes;
    }

    synchronized void giveBack(long bytes) {
        free += bytes;
        notifyAll();
    }
}
