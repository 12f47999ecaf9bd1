package org.yaraguard.engine.scan;

/** The action for each kind of engine trouble and for objects whose structure shows benign anomalies. */
public record TroubleActions(Action onTimeout, Action onTooLarge, Action onEngineError, Action onNoRules,
                             Action onIncomplete, Action onAnomaly) {

    /**
     * Fail closed on what could hide a payload (timeout, size, engine failure, no rules, an inspection that could not
     * read every byte as the archive may) and only record benign anomalies (a non-zero preamble, padding), which real
     * modalities produce often enough that refusing them would lose clean studies.
     */
    public static TroubleActions defaults() {
        return new TroubleActions(Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.LOG);
    }

    Action forKind(Trouble.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> onTimeout;
            case TOO_LARGE -> onTooLarge;
            case ENGINE_ERROR -> onEngineError;
            case NO_RULES -> onNoRules;
            case INCOMPLETE -> onIncomplete;
        };
    }
}
