package org.yaraguard.settings;

/**
 * One finding of a {@link SettingsCheck}: an {@link Severity#ERROR} makes the configuration invalid, a
 * {@link Severity#NOTE} says what could not be checked here (e.g. an expression only the server can resolve).
 */
public record Problem(String name, Severity severity, String message) {

    /** How much a problem weighs. */
    public enum Severity { ERROR, NOTE }

    static Problem error(String name, String message) {
        return new Problem(name, Severity.ERROR, message);
    }

    static Problem note(String name, String message) {
        return new Problem(name, Severity.NOTE, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return name + ": " + message;
    }
}
