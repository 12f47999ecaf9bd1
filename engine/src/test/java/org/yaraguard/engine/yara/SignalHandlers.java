package org.yaraguard.engine.yara;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Map;

/** Reads the process's current SIGSEGV and SIGBUS handlers through libc's {@code sigaction}, changing nothing. */
final class SignalHandlers {

    /** Linux numbers on x86-64 and AArch64. */
    static final int SIGBUS = 7;
    static final int SIGSEGV = 11;

    /** glibc's struct sigaction is 152 bytes on 64-bit Linux; its first member is the handler (a union). */
    private static final int SIGACTION_BYTES = 256;

    private interface LibC extends Library {
        int sigaction(int signal, Pointer action, Pointer oldAction);
    }

    private static final LibC LIBC = Native.load("c", LibC.class);

    private SignalHandlers() {
    }

    /** Signal number → handler address (0: the default action). */
    static Map<Integer, Long> current() {
        return Map.of(SIGSEGV, handler(SIGSEGV), SIGBUS, handler(SIGBUS));
    }

    private static long handler(int signal) {
        try (Memory old = new Memory(SIGACTION_BYTES)) {
            old.clear();
            if (LIBC.sigaction(signal, null, old) != 0) {
                throw new IllegalStateException("sigaction(" + signal + ") failed");
            }
            return Pointer.nativeValue(old.getPointer(0));
        }
    }
}
