package org.yaraguard.engine.scan;

import java.util.Locale;

/** Why a scan could not give a full answer; the verdict then carries the action configured for the kind. */
public record Trouble(Kind kind, String detail) {

    /** The kinds of engine trouble, each mapped to an action by {@link TroubleActions}. */
    public enum Kind {
        TIMEOUT, TOO_LARGE, ENGINE_ERROR, NO_RULES,
        /** Some bytes could not be inspected as the archive may read them (an incomplete anomaly, a saturated string). */
        INCOMPLETE
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + detail;
    }
}
