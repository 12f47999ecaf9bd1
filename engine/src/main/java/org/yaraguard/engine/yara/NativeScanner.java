package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code YR_SCANNER}, used by one thread at a time. It owns its callback (see {@link MatchCollector}) and
 * remembers the external values it last set, so that a scan only calls libyara for values that change and every
 * external not given to a scan is put back to its compile-time default.
 */
final class NativeScanner {

    /** Always set: without NO_TRYCATCH libyara installs SIGSEGV/SIGBUS handlers during a scan, which stalls or hangs the JVM. */
    static final int SCAN_FLAGS = LibYara.SCAN_FLAGS_NO_TRYCATCH | LibYara.SCAN_FLAGS_REPORT_RULES_MATCHING;
    /** For listing every rule: libyara then reports each non-private rule once, matching or not. */
    static final int LIST_FLAGS = SCAN_FLAGS | LibYara.SCAN_FLAGS_REPORT_RULES_NOT_MATCHING;

    private final Pointer handle;
    private final MatchCollector collector;
    private final int flags;
    private final List<ExternalVariable> externals;
    private final Object[] current;

    private NativeScanner(Pointer handle, int flags, List<ExternalVariable> externals, MatchLayout layout) {
        this.handle = handle;
        this.collector = new MatchCollector(layout);
        this.flags = flags;
        this.externals = externals;
        this.current = externals.stream().map(ExternalVariable::defaultValue).toArray();
        LibYara.yr_scanner_set_callback(handle, collector, null);
        LibYara.yr_scanner_set_flags(handle, flags);
    }

    /** {@code layout} null: the scanner reports rules without their match offsets. */
    static NativeScanner create(Pointer rules, int flags, List<ExternalVariable> externals, MatchLayout layout)
            throws YaraException {
        PointerByReference out = new PointerByReference();
        int rc = LibYara.yr_scanner_create(rules, out);
        if (rc != LibYara.ERROR_SUCCESS) {
            throw new YaraException("yr_scanner_create", rc);
        }
        return new NativeScanner(out.getValue(), flags, externals, layout);
    }

    /** The flags passed to yr_scanner_set_flags (which replaces, not adds). */
    int flags() {
        return flags;
    }

    MatchCollector collector() {
        return collector;
    }

    /**
     * Sets each external to its value in {@code given} or else to its default. Every value is checked before any
     * is set, so a bad map leaves the scanner as it was.
     */
    void setExternals(Map<String, Object> given) throws YaraException {
        Object[] wanted = new Object[current.length];
        int used = 0;
        for (int i = 0; i < wanted.length; i++) {
            ExternalVariable variable = externals.get(i);
            Object value = given.get(variable.name());
            if (value != null || given.containsKey(variable.name())) {
                wanted[i] = variable.accept(value);
                used++;
            } else {
                wanted[i] = variable.defaultValue();
            }
        }
        if (used != given.size()) {
            throw new IllegalArgumentException("external variables not declared at compile time: "
                    + given.keySet().stream().filter(n -> externals.stream().noneMatch(v -> v.name().equals(n))).toList());
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!Objects.equals(wanted[i], current[i])) {
                int rc = externals.get(i).setIn(handle, wanted[i]);
                if (rc != LibYara.ERROR_SUCCESS) {
                    throw new YaraException("setting external variable " + externals.get(i).name(), rc);
                }
                current[i] = wanted[i];
            }
        }
    }

    /** Scans {@code size} bytes at {@code buffer}; returns libyara's error code. Matches are in {@link #collector()}. */
    int scan(Pointer buffer, long size, int timeoutSeconds) {
        collector.reset();
        LibYara.yr_scanner_set_timeout(handle, timeoutSeconds);
        return LibYara.yr_scanner_scan_mem(handle, buffer, size);
    }

    void destroy() {
        LibYara.yr_scanner_destroy(handle);
    }
}
