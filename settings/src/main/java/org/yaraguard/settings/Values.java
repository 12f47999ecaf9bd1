package org.yaraguard.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value grammars of the settings; each parser throws IllegalArgumentException with a reason a user can act on. */
public final class Values {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(?:([kmgt])i?b?|b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([dhms])");

    private Values() {
    }

    /** A whole number within {@code [min, max]}. */
    public static long integer(String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number");
        }
        return within(value, min, max, Long.toString(min), Long.toString(max));
    }

    /** A size in bytes: {@code 8388608}, {@code 8MiB}, {@code 8m}, {@code 4GiB} (binary multiples), within range. */
    public static long bytes(String text, long min, long max) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (bytes, or e.g. 8MiB, 4GiB)");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1);
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too large");
        }
        if (shift > 0 && value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("\"" + text + "\" is too large");
        }
        return within(value << shift, min, max, Long.toString(min), Long.toString(max));
    }

    /** A duration: {@code 30d}, {@code 12h}, {@code 45m}, {@code 90s} or ISO-8601 ({@code PT2H}); positive. */
    public static Duration duration(String text) {
        Duration d = span(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("\"" + text + "\" must be longer than zero");
        }
        return d;
    }

    /** A span of time written as {@link #duration(String)} takes it, zero allowed (e.g. "older than 0d"). */
    public static Duration span(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SHORT_DURATION.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        } else {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + t + "\" is not a duration (e.g. 30d, 12h, 45m, 90s, PT2H)");
            }
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("\"" + t + "\" cannot be negative");
        }
        return d;
    }

    /** A DICOM failure status: hex ({@code 0x0124}) or decimal, 0x0001–0xFFFF. */
    public static int status(String text) {
        String value = text.strip();
        int status;
        try {
            status = value.regionMatches(true, 0, "0x", 0, 2) ? Integer.parseInt(value.substring(2), 16)
                    : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DICOM status (e.g. 0x0124)");
        }
        if (status <= 0 || status > 0xFFFF) {
            throw new IllegalArgumentException("\"" + text + "\" must be a DICOM status between 0x0001 and 0xFFFF");
        }
        return status;
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case; a near miss is named. */
    public static String choice(String text, List<String> allowed) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(value)) {
            return value;
        }
        String hint = DidYouMean.nearest(value, allowed).map(a -> "; did you mean \"" + a + "\"?").orElse("");
        throw new IllegalArgumentException("\"" + text + "\" is not one of " + String.join(", ", allowed) + hint);
    }

    /** {@code KEY=VALUE,KEY=VALUE} with each VALUE one of {@code allowed}; blank means no entries. */
    public static Map<String, String> entries(String spec, List<String> allowed) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return entries;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1 || entry.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("\"" + entry.strip() + "\" is not NAME=" + String.join("|", allowed));
            }
            entries.put(entry.substring(0, eq).strip(), choice(entry.substring(eq + 1), allowed));
        }
        return entries;
    }

    /** An absolute http or https URL. */
    public static URI httpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("\"" + text + "\" is not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a URL");
        }
    }

    private static long within(long value, long min, long max, String minText, String maxText) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range (" + minText + " to " + maxText + ")");
        }
        return value;
    }
}
