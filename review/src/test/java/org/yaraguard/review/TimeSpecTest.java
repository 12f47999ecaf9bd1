package org.yaraguard.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeSpecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void parsesShortAndIsoDurations() {
        assertThat(TimeSpec.duration("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(TimeSpec.duration("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(TimeSpec.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> TimeSpec.duration("-PT2H")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeSpec.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesPointsInTime() {
        assertThat(TimeSpec.since("2026-11-20T01:02:03Z", CLOCK)).isEqualTo(Instant.parse("2026-11-20T01:02:03Z"));
        assertThat(TimeSpec.since("2026-11-20", CLOCK)).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(TimeSpec.since("24h", CLOCK)).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void entryIdsAreHexOnly() {
        assertThat(EntryId.parse(" ABCDEF0123 ").value()).isEqualTo("abcdef0123");
        assertThatThrownBy(() -> EntryId.parse("abcdef0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryId.parse("abcdef01/..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryId.parse("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsAreWrittenBackInWords() {
        assertThat(TimeSpec.words(Duration.ofHours(720))).isEqualTo("30 days");
        assertThat(TimeSpec.words(Duration.ofHours(36))).isEqualTo("1 day 12 hours");
        assertThat(TimeSpec.words(Duration.ofSeconds(61))).isEqualTo("1 minute 1 second");
        assertThat(TimeSpec.words(Duration.ZERO)).isEqualTo("0 seconds");
    }
}
