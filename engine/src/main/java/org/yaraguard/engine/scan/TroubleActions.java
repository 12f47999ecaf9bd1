package org.yaraguard.engine.scan;

/** The action for each kind of engine trouble and for objects whose structure shows anomalies. */
public record TroubleActions(Action onTimeout, Action onTooLarge, Action onEngineError, Action onNoRules,
                             Action onAnomaly) {

    /**
     * Fail closed on what could hide a payload (timeout, size, engine failure, no rules) and only record structural
     * anomalies, which real modalities produce often enough that refusing them would lose clean studies.
     */
    public static TroubleActions defaults() {
        return new TroubleActions(Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT, Action.LOG);
    }

    Action forKind(Trouble.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> onTimeout;
            case TOO_LARGE -> onTooLarge;
            case ENGINE_ERROR -> onEngineError;
            case NO_RULES -> onNoRules;
        };
    }
}
