package org.yaraguard.engine.scan;

import java.util.Locale;

/** What happens to an object, weakest first: the verdict takes the strongest action of its findings. */
public enum Action {
    /** Stored, nothing recorded (also what a policy maps "file looks clean" rules to). */
    CLEAN,
    /** Stored; the finding is recorded. */
    LOG,
    /** Stored with our private attributes, so the archive's own rules can act on it; recorded. */
    TAG,
    /** Refused: the sender gets a failure status and the object goes to the quarantine. */
    REJECT;

    /** The stronger of the two. */
    public Action max(Action other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The lowercase name used in rule metadata, configuration and output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code reject}, {@code tag}, {@code log}, {@code clean} (or its synonym {@code ignore}). */
    public static Action parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "reject" -> REJECT;
            case "tag" -> TAG;
            case "log" -> LOG;
            case "clean", "ignore" -> CLEAN;
            default -> throw new IllegalArgumentException(
                    "unknown action \"" + text + "\" (expected reject, tag, log or clean)");
        };
    }
}
