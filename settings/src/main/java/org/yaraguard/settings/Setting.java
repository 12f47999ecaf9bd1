package org.yaraguard.settings;

import java.util.Locale;

/**
 * One {@code yara-guard.*} setting. {@code defaultValue} may hold WildFly expressions (the server's folders); an
 * empty default means "not set". {@code min}/{@code max} bound the numeric kinds.
 */
public record Setting(String name, Kind kind, String defaultValue, String meaning, long min, long max) {

    Setting(String name, Kind kind, String defaultValue, String meaning) {
        this(name, kind, defaultValue, meaning, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Checks a value after substitution; throws IllegalArgumentException saying why it is wrong. */
    public void check(String value) {
        kind.check(this, value);
    }

    /** Whether this setting's value must stay out of logs and reports. */
    public boolean secret() {
        return kind == Kind.SECRET || secretName(name);
    }

    /** Whether a name, known or not (a typo of a password's name), reads like it holds a secret or a password. */
    public static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("secret") || lower.contains("password");
    }
}
