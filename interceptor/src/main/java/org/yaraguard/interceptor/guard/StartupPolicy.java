package org.yaraguard.interceptor.guard;

import java.util.Locale;

/** What happens to stores while no rule set could be loaded (rules that do not compile, libyara missing). */
public enum StartupPolicy {
    /** Refuse every store with a clear comment until a good rule set loads. */
    FAIL_CLOSED,
    /** Store and log loudly. */
    FAIL_OPEN;

    static StartupPolicy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fail-closed" -> FAIL_CLOSED;
            case "fail-open" -> FAIL_OPEN;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a startup policy (fail-closed or fail-open)");
        };
    }
}
