package org.yaraguard.review;

import java.util.Locale;
import java.util.regex.Pattern;

/** A validated quarantine entry id or id prefix: lowercase hex, 8 to 64 characters, safe to use in a path. */
public record EntryId(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,64}");
    private static final Pattern FULL = Pattern.compile("[0-9a-f]{64}");

    /** Refuses anything but 8 to 64 hex digits. */
    public EntryId {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("an entry id is 8 to 64 hexadecimal digits");
        }
    }

    /** Parses user input; upper-case hex is accepted and folded, everything else refused. */
    public static EntryId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("an entry id is 8 to 64 hexadecimal digits");
        }
        return new EntryId(text.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the text is a complete lowercase SHA-256 in hex. */
    public static boolean isSha256(String text) {
        return text != null && FULL.matcher(text).matches();
    }

    /** Whether this is a full SHA-256 rather than a prefix. */
    public boolean complete() {
        return value.length() == 64;
    }

    /** Whether the given full id starts with this prefix. */
    public boolean matches(String id) {
        return id != null && id.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
