package org.yaraguard.engine.yara;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * Compiled rules to and from Java bytes through libyara's {@code YR_STREAM} ({@code yr_rules_save_stream},
 * {@code yr_rules_load_stream}), so that the caller decides where the bytes live and checks them before libyara
 * reads one. The stream is a C memory stream read and written by libc's own {@code fread}/{@code fwrite}, exactly
 * what libyara's file functions use: libyara reads and writes in many small pieces (one per relocation), and a
 * JNA callback per piece made loading 5,000 rules as slow as compiling them.
 */
final class RulesStream {

    private static final NativeLibrary LIBC = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    private static final Pointer FREAD = LIBC.getFunction("fread");
    private static final Pointer FWRITE = LIBC.getFunction("fwrite");

    static {
        Native.register(RulesStream.class, LIBC);
    }

    private RulesStream() {
    }

    private static native Pointer fmemopen(Pointer buffer, long size, String mode);

    private static native Pointer open_memstream(PointerByReference buffer, LongByReference size);

    private static native int fclose(Pointer stream);

    private static native void free(Pointer memory);

    /** libyara's serialized form of {@code rules}. */
    static byte[] save(Pointer rules) throws YaraException {
        PointerByReference buffer = new PointerByReference();
        LongByReference size = new LongByReference();
        Pointer file = open_memstream(buffer, size);
        if (file == null) {
            throw new YaraException("open_memstream", LibYara.ERROR_INSUFFICIENT_MEMORY);
        }
        int rc;
        try (Memory stream = stream(file, null, FWRITE)) {
            rc = LibYara.yr_rules_save_stream(rules, stream);
        } finally {
            fclose(file);
        }
        try {
            if (rc != LibYara.ERROR_SUCCESS) {
                throw new YaraException("yr_rules_save_stream", rc);
            }
            return buffer.getValue().getByteArray(0, Math.toIntExact(size.getValue()));
        } finally {
            free(buffer.getValue());
        }
    }

    /** Rules read back from {@link #save}'s bytes; the caller owns the returned {@code YR_RULES*}. */
    static Pointer load(ByteBuffer saved) throws YaraException {
        int size = saved.remaining();
        if (size == 0) {
            throw new YaraException("yr_rules_load_stream", LibYara.ERROR_INVALID_FILE);
        }
        if (saved.isDirect()) {
            try {
                return load(Native.getDirectBufferPointer(saved).share(saved.position()), size);
            } finally {
                Reference.reachabilityFence(saved);
            }
        }
        try (Memory bytes = new Memory(size)) {
            bytes.getByteBuffer(0, size).put(saved.duplicate());
            return load(bytes, size);
        }
    }

    /** libyara copies what it reads into its own memory: {@code bytes} may be freed once this returns. */
    private static Pointer load(Pointer bytes, int size) throws YaraException {
        Pointer file = fmemopen(bytes, size, "rb");
        if (file == null) {
            throw new YaraException("fmemopen", LibYara.ERROR_INSUFFICIENT_MEMORY);
        }
        try (Memory stream = stream(file, FREAD, null)) {
            PointerByReference out = new PointerByReference();
            int rc = LibYara.yr_rules_load_stream(stream, out);
            if (rc != LibYara.ERROR_SUCCESS) {
                throw new YaraException("yr_rules_load_stream", rc);
            }
            return out.getValue();
        } finally {
            fclose(file);
        }
    }

    /** A YR_STREAM: {void* user_data; YR_STREAM_READ_FUNC read; YR_STREAM_WRITE_FUNC write}. */
    private static Memory stream(Pointer file, Pointer read, Pointer write) {
        Memory stream = new Memory(3L * Native.POINTER_SIZE);
        stream.setPointer(0, file);
        stream.setPointer(Native.POINTER_SIZE, read);
        stream.setPointer(2L * Native.POINTER_SIZE, write);
        return stream;
    }
}
