package org.yaraguard.interceptor.guard;

import java.util.Locale;

/** Whether a verdict is carried out (enforce) or only recorded as what would have been done (monitor). */
public enum Mode {
    ENFORCE, MONITOR;

    /** The lowercase name used in configuration, sidecars and the findings log. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "enforce" -> ENFORCE;
            case "monitor" -> MONITOR;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a mode (enforce or monitor)");
        };
    }
}
