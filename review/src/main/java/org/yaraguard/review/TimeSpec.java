package org.yaraguard.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.yaraguard.settings.Values;

/** Parses the times a reviewer types: durations like {@code 30d}, {@code 12h}, {@code 45m}, {@code PT2H}, and points. */
public final class TimeSpec {

    private TimeSpec() {
    }

    /** {@code 30d}, {@code 12h}, {@code 45m}, {@code 90s} or ISO-8601 ({@code PT2H}, {@code P7D}); never negative. */
    public static Duration duration(String text) {
        return Values.span(text);
    }

    /** A duration in words, as users write it back: {@code 30 days}, {@code 1 day 12 hours}, {@code 45 minutes}. */
    public static String words(Duration duration) {
        StringBuilder words = new StringBuilder();
        unit(words, duration.toDays(), "day");
        unit(words, duration.toHoursPart(), "hour");
        unit(words, duration.toMinutesPart(), "minute");
        unit(words, duration.toSecondsPart(), "second");
        return words.length() == 0 ? "0 seconds" : words.toString();
    }

    private static void unit(StringBuilder words, long count, String unit) {
        if (count != 0) {
            words.append(words.length() == 0 ? "" : " ").append(count).append(' ').append(unit).append(count == 1 ? "" : "s");
        }
    }

    /**
     * A point in time: an ISO-8601 instant ({@code 2026-11-25T01:00:00Z}), a date ({@code 2026-11-25}, midnight
     * UTC) or a duration back from now ({@code 24h}).
     */
    public static Instant since(String text, Clock clock) {
        String t = text == null ? "" : text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return clock.instant().minus(duration(t));
            }
        }
    }
}
