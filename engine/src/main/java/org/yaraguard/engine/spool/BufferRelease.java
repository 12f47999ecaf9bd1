package org.yaraguard.engine.spool;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Frees a direct or mapped buffer now instead of at some later garbage collection. Without it every scanned file
 * stays mapped until the collector runs, which with a small heap can be thousands of files: resident memory grows
 * and the process can run out of mappings (vm.max_map_count). Java 17 has no public API for this; the JDK's own
 * {@code sun.misc.Unsafe.invokeCleaner} is used, and where it is not reachable buffers are left to the collector.
 */
public final class BufferRelease {

    private static final Logger LOG = System.getLogger(BufferRelease.class.getName());
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "sun.misc.Unsafe is not reachable: spooled buffers are freed by the garbage "
                    + "collector only ({0})", e.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private BufferRelease() {
    }

    /** Frees {@code buffer}, which must be the original (not a slice or duplicate) and never be touched again. */
    public static void release(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || buffer == null || !buffer.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, "could not free a buffer now; the collector will", e);
        }
    }
}
