package org.yaraguard.audit.message;

/** EventOutcomeIndicator (PS3.15 A.5.1): how the audited event ended. */
public enum Outcome {
    SUCCESS("0"), MINOR_FAILURE("4"), SERIOUS_FAILURE("8"), MAJOR_FAILURE("12");

    private final String indicator;

    Outcome(String indicator) {
        this.indicator = indicator;
    }

    public String indicator() {
        return indicator;
    }
}
