package org.yaraguard.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RollingCountsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsByActionOutcomeRuleAndTrouble() {
        RollingCounts counts = new RollingCounts();
        counts.count(T0, "clean", "stored", List.of(), null);
        counts.count(T0, "reject", "refused", List.of("PE_Preamble", "ELF_Preamble"), null);
        counts.count(T0.plusSeconds(60), "reject", "refused", List.of("PE_Preamble"), "timeout");

        GuardStatus.Counts snapshot = counts.snapshot(T0.plusSeconds(120), LONG_AGO);
        assertThat(snapshot.objects()).isEqualTo(3);
        assertThat(snapshot.byAction()).isEqualTo(Map.of("clean", 1L, "reject", 2L));
        assertThat(snapshot.byOutcome()).isEqualTo(Map.of("stored", 1L, "refused", 2L));
        assertThat(snapshot.byRule()).containsExactly(new GuardStatus.RuleHits("PE_Preamble", 2),
                new GuardStatus.RuleHits("ELF_Preamble", 1));
        assertThat(snapshot.troubleByKind()).isEqualTo(Map.of("timeout", 1L));
        assertThat(snapshot.troubleLastHour()).isEqualTo(1);
    }

    @Test
    void forgetsWhatIsOlderThan24HoursAndTroubleOlderThanAnHour() {
        RollingCounts counts = new RollingCounts();
        counts.count(T0, "reject", "refused", List.of("Old"), "timeout");
        counts.count(T0.plus(Duration.ofHours(2)), "clean", "stored", List.of(), null);

        GuardStatus.Counts twoHoursLater = counts.snapshot(T0.plus(Duration.ofHours(2)), LONG_AGO);
        assertThat(twoHoursLater.objects()).isEqualTo(2);
        assertThat(twoHoursLater.troubleByKind()).containsEntry("timeout", 1L);
        assertThat(twoHoursLater.troubleLastHour()).as("the timeout was two hours ago").isZero();

        GuardStatus.Counts dayLater = counts.snapshot(T0.plus(Duration.ofHours(24)), LONG_AGO);
        assertThat(dayLater.objects()).isEqualTo(1);
        assertThat(dayLater.byRule()).isEmpty();
        assertThat(dayLater.troubleByKind()).isEmpty();
        assertThat(dayLater.since()).isEqualTo(T0.plus(Duration.ofMinutes(15)).toString());
    }

    @Test
    void aBucketReusedAfterADayStartsFromZero() {
        RollingCounts counts = new RollingCounts();
        counts.count(T0, "reject", "refused", List.of("Old"), null);
        counts.count(T0.plus(Duration.ofHours(24)), "clean", "stored", List.of(), null);

        GuardStatus.Counts snapshot = counts.snapshot(T0.plus(Duration.ofHours(24)), LONG_AGO);
        assertThat(snapshot.byAction()).isEqualTo(Map.of("clean", 1L));
    }

    @Test
    void showsTheMostHitRulesFirstAndCountsTheRest() {
        RollingCounts counts = new RollingCounts();
        IntStream.range(0, RollingCounts.MAX_RULES_SHOWN + 7).forEach(i -> IntStream.rangeClosed(0, i)
                .forEach(n -> counts.count(T0, "log", "stored", Set.of("Rule" + i), null)));

        GuardStatus.Counts snapshot = counts.snapshot(T0, LONG_AGO);
        assertThat(snapshot.byRule()).hasSize(RollingCounts.MAX_RULES_SHOWN);
        assertThat(snapshot.byRule().get(0).rule()).isEqualTo("Rule" + (RollingCounts.MAX_RULES_SHOWN + 6));
        assertThat(snapshot.rulesOmitted()).isEqualTo(7);
    }

    @Test
    void memoryStaysBoundedWhateverTheRuleNames() {
        RollingCounts counts = new RollingCounts();
        IntStream.range(0, RollingCounts.MAX_RULES_PER_BUCKET * 3)
                .forEach(i -> counts.count(T0, "log", "stored", List.of("Rule" + i), null));

        GuardStatus.Counts snapshot = counts.snapshot(T0, LONG_AGO);
        assertThat(snapshot.objects()).isEqualTo(RollingCounts.MAX_RULES_PER_BUCKET * 3L);
        assertThat(snapshot.byRule().size() + snapshot.rulesOmitted()).isEqualTo(RollingCounts.MAX_RULES_PER_BUCKET);
    }

    @Test
    void countsSinceStartWhenThePluginStartedLessThanADayAgo() {
        Instant started = T0.minus(Duration.ofHours(3));
        assertThat(new RollingCounts().snapshot(T0, started).since()).isEqualTo(started.toString());
    }
}
