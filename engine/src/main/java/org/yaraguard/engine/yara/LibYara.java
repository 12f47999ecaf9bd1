package org.yaraguard.engine.yara;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libyara C API used by this package, bound with JNA direct mapping (faster than interface mapping on the
 * scan path). Strings go in as NUL-terminated UTF-8 byte arrays so that the platform charset never matters.
 */
final class LibYara {

    static final int ERROR_SUCCESS = 0;
    static final int ERROR_INSUFFICIENT_MEMORY = 1;
    static final int ERROR_INVALID_FILE = 6;
    static final int ERROR_SCAN_TIMEOUT = 26;
    /** Returned by libyara before 4.2, which aborted the scan when a string saturated instead of asking the callback. */
    static final int ERROR_TOO_MANY_MATCHES = 30;

    static final int SCAN_FLAGS_NO_TRYCATCH = 4;
    static final int SCAN_FLAGS_REPORT_RULES_MATCHING = 8;
    static final int SCAN_FLAGS_REPORT_RULES_NOT_MATCHING = 16;

    static final int CALLBACK_MSG_RULE_MATCHING = 1;
    static final int CALLBACK_MSG_RULE_NOT_MATCHING = 2;
    static final int CALLBACK_MSG_IMPORT_MODULE = 4;
    /** 6 in 4.2 to 4.5 (4.3 added 7, console log; 4.4 added 8, too slow scanning); data is the YR_STRING. */
    static final int CALLBACK_MSG_TOO_MANY_MATCHES = 6;
    static final int CALLBACK_CONTINUE = 0;

    static final int YARA_ERROR_LEVEL_ERROR = 0;

    private LibYara() {
    }

    /** Binds the natives below to {@code library}; once per class loader. */
    static void bind(NativeLibrary library) {
        Native.register(LibYara.class, library);
    }

    /** YR_CALLBACK_FUNC. */
    interface ScanCallback extends Callback {
        int invoke(Pointer context, int message, Pointer messageData, Pointer userData);
    }

    /** YR_COMPILER_CALLBACK_FUNC. */
    interface CompilerCallback extends Callback {
        void invoke(int errorLevel, Pointer fileName, int lineNumber, Pointer rule, Pointer message, Pointer userData);
    }

    /** YR_COMPILER_INCLUDE_CALLBACK_FUNC: returns the included source or NULL to refuse. */
    interface IncludeCallback extends Callback {
        Pointer invoke(Pointer includeName, Pointer callingFileName, Pointer callingNamespace, Pointer userData);
    }

    /** YR_COMPILER_INCLUDE_FREE_FUNC: releases what {@link IncludeCallback} returned. */
    interface IncludeFreeCallback extends Callback {
        void invoke(Pointer result, Pointer userData);
    }

    static native int yr_initialize();

    static native int yr_compiler_create(PointerByReference compiler);

    static native void yr_compiler_destroy(Pointer compiler);

    static native void yr_compiler_set_callback(Pointer compiler, CompilerCallback callback, Pointer userData);

    static native void yr_compiler_set_include_callback(Pointer compiler, IncludeCallback callback,
            IncludeFreeCallback free, Pointer userData);

    static native int yr_compiler_add_string(Pointer compiler, byte[] source, byte[] namespace);

    static native int yr_compiler_define_integer_variable(Pointer compiler, byte[] name, long value);

    static native int yr_compiler_define_boolean_variable(Pointer compiler, byte[] name, int value);

    static native int yr_compiler_define_float_variable(Pointer compiler, byte[] name, double value);

    static native int yr_compiler_define_string_variable(Pointer compiler, byte[] name, byte[] value);

    static native int yr_compiler_get_rules(Pointer compiler, PointerByReference rules);

    static native int yr_rules_destroy(Pointer rules);

    /** {@code stream} is a YR_STREAM: {void* user_data; read; write}, see {@link RulesStream}. */
    static native int yr_rules_save_stream(Pointer rules, Pointer stream);

    static native int yr_rules_load_stream(Pointer stream, PointerByReference rules);

    static native int yr_scanner_create(Pointer rules, PointerByReference scanner);

    static native void yr_scanner_destroy(Pointer scanner);

    static native void yr_scanner_set_callback(Pointer scanner, ScanCallback callback, Pointer userData);

    static native void yr_scanner_set_timeout(Pointer scanner, int seconds);

    static native void yr_scanner_set_flags(Pointer scanner, int flags);

    static native int yr_scanner_define_integer_variable(Pointer scanner, byte[] name, long value);

    static native int yr_scanner_define_boolean_variable(Pointer scanner, byte[] name, int value);

    static native int yr_scanner_define_float_variable(Pointer scanner, byte[] name, double value);

    static native int yr_scanner_define_string_variable(Pointer scanner, byte[] name, byte[] value);

    static native int yr_scanner_scan_mem(Pointer scanner, Pointer buffer, long size);
}
