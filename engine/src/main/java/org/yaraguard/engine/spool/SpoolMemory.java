package org.yaraguard.engine.spool;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The memory in which the spool keeps objects up to its memory threshold while they are judged: at most
 * {@value #BLOCKS} blocks of the threshold's size, each lent to one object at a time and reused by the next. Reused
 * memory costs no allocation, zeroing or page faults (a fresh buffer per 0.75 MiB object, grown through a byte array,
 * was most of the hook's time), and the spool's memory stays bounded under any number of concurrent stores: when
 * every block is lent, the next object goes to a spool file instead of waiting. Thread-safe.
 */
final class SpoolMemory implements AutoCloseable {

    /** Objects held in memory at once; more concurrent stores are spooled to files. */
    static final int BLOCKS = 16;

    private final int blockBytes;
    /** Blocks no object holds, the most recently used first (its pages are warm). */
    private final Deque<HugePages.Block> idle = new ArrayDeque<>();
    private int allocated;
    private boolean closed;

    /** Blocks of {@code blockBytes}; none at all when it is 0. */
    SpoolMemory(int blockBytes) {
        this.blockBytes = blockBytes;
    }

    /** A block whose buffer holds {@code blockBytes}, or empty when all are lent (or memory ran out). */
    Optional<HugePages.Block> tryTake() {
        synchronized (this) {
            if (closed || blockBytes == 0) {
                return Optional.empty();
            }
            HugePages.Block reused = idle.pollFirst();
            if (reused != null) {
                reused.bytes().clear();
                return Optional.of(reused);
            }
            if (allocated >= BLOCKS) {
                return Optional.empty();
            }
            allocated++;
        }
        try {
            return Optional.of(HugePages.allocate(blockBytes));
        } catch (OutOfMemoryError e) {
            // malloc failed: this object goes to a file, the process goes on.
            synchronized (this) {
                allocated--;
            }
            return Optional.empty();
        }
    }

    /** Takes back a block from {@link #tryTake()}; freed at once once this memory is closed. */
    synchronized void giveBack(HugePages.Block block) {
        if (closed) {
            allocated--;
            block.close();
        } else {
            idle.addFirst(block);
        }
    }

    /** Blocks allocated and not freed, lent or idle. */
    synchronized int allocatedBlocks() {
        return allocated;
    }

    /** Frees the idle blocks now and every lent one when it comes back. */
    @Override
    public synchronized void close() {
        closed = true;
        allocated -= idle.size();
        idle.forEach(HugePages.Block::close);
        idle.clear();
    }
}
