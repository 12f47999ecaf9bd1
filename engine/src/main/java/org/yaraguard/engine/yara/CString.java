package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Conversions between Java strings and NUL-terminated UTF-8 C strings. */
final class CString {

    private CString() {
    }

    /** The UTF-8 bytes of {@code s} followed by a NUL, or null for null. */
    static byte[] of(String s) {
        if (s == null) {
            return null;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    /** The C string at {@code p + offset} decoded as UTF-8 (malformed bytes become U+FFFD), or null for NULL. */
    static String read(Pointer p, long offset) {
        if (p == null) {
            return null;
        }
        return new String(p.getByteArray(offset, length(p, offset)), StandardCharsets.UTF_8);
    }

    /** The C string at {@code p}, or null for NULL. */
    static String read(Pointer p) {
        return read(p, 0);
    }

    /** Bytes before the terminating NUL of the C string at {@code p + offset}. */
    static int length(Pointer p, long offset) {
        return Math.toIntExact(p.indexOf(offset, (byte) 0)); // JNA counts from offset, not from p
    }
}
