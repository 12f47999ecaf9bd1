package org.yaraguard.engine.dicom;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.yaraguard.engine.spool.BufferRelease;

/**
 * The direct buffers of one inspection's derived views: each reserved from the shared {@link DerivedMemory} before
 * it is allocated, all freed at once (and the budget given back) when the inspection is closed. A buffer whose
 * inspection is never closed gives its budget back when the collector frees it, so a forgetful caller cannot
 * starve every later inspection.
 */
final class DerivedViews {

    private static final Cleaner CLEANER = Cleaner.create();

    private final DerivedMemory memory;
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private final List<Cleaner.Cleanable> budgetReturns = new ArrayList<>();
    private boolean closed;

    DerivedViews(DerivedMemory memory) {
        this.memory = memory;
    }

    /**
     * A new direct buffer of capacity bytes, or null when the budget or the JVM refuses the memory (the caller
     * reports the view as incomplete).
     */
    synchronized ByteBuffer allocate(int capacity) {
        if (closed || !memory.reserve(capacity)) {
            return null;
        }
        ByteBuffer buffer;
        try {
            buffer = ByteBuffer.allocateDirect(capacity);
        } catch (OutOfMemoryError e) {
            memory.release(capacity);
            return null;
        }
        DerivedMemory budget = memory;
        buffers.add(buffer);
        budgetReturns.add(CLEANER.register(buffer, () -> budget.release(capacity)));
        return buffer;
    }

    /** Frees a buffer from {@link #allocate} that is no longer needed (e.g. outgrown), now. */
    synchronized void free(ByteBuffer buffer) {
        for (int i = 0; i < buffers.size(); i++) {
            if (buffers.get(i) == buffer) {
                release(buffers.remove(i), budgetReturns.remove(i));
                return;
            }
        }
    }

    /** Frees every buffer now and gives the memory back; the views must not be read after. Idempotent. */
    synchronized void close() {
        closed = true;
        for (int i = 0; i < buffers.size(); i++) {
            release(buffers.get(i), budgetReturns.get(i));
        }
        buffers.clear();
        budgetReturns.clear();
    }

    private static void release(ByteBuffer buffer, Cleaner.Cleanable budgetReturn) {
        BufferRelease.release(buffer);
        budgetReturn.clean();
    }
}
