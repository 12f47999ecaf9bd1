package org.yaraguard.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    static GuardStatus healthy() {
        return new GuardStatus("pacs1", "1.0", NOW.minus(Duration.ofHours(1)).toString(), NOW.minusSeconds(10).toString(),
                new GuardStatus.RuleSetInForce("abc123", "/rules", 2, 40, NOW.minus(Duration.ofHours(1)).toString()),
                null, new GuardStatus.Modes("enforce", Map.of("CT1", "monitor"), Map.of()),
                new GuardStatus.Counts(NOW.minus(Duration.ofHours(1)).toString(), 5, Map.of("clean", 5L),
                        Map.of("stored", 5L), List.of(), 0, Map.of(), 0),
                GuardStatus.AuditDelivery.notConfigured(), null);
    }

    static GuardStatus withAudit(GuardStatus s, GuardStatus.AuditDelivery audit) {
        return new GuardStatus(s.host(), s.version(), s.startedAt(), s.writtenAt(), s.ruleSet(), s.lastRefusal(),
                s.modes(), s.last24h(), audit, s.quarantine());
    }

    @Test
    void aFreshStatusWithARuleSetAndNothingWrongIsOk() {
        assertThat(Health.of(healthy(), NOW)).isEqualTo(new Health(Health.State.OK, List.of()));
    }

    @Test
    void aStatusNotRefreshedForTwoMinutesCannotTell() {
        GuardStatus s = healthy();
        GuardStatus stale = new GuardStatus(s.host(), s.version(), s.startedAt(), NOW.minusSeconds(121).toString(),
                s.ruleSet(), s.lastRefusal(), s.modes(), s.last24h(), s.audit(), s.quarantine());
        Health health = Health.of(stale, NOW);
        assertThat(health.state()).isEqualTo(Health.State.UNKNOWN);
        assertThat(health.reasons()).singleElement().asString().contains("121 s ago").contains("not running");
        assertThat(Health.of(stale, NOW.minusSeconds(10)).state()).isEqualTo(Health.State.OK);
    }

    @Test
    void noRuleSetOrARefusedReloadIsDegraded() {
        GuardStatus s = healthy();
        GuardStatus none = new GuardStatus(s.host(), s.version(), s.startedAt(), s.writtenAt(), null, null, s.modes(),
                s.last24h(), s.audit(), s.quarantine());
        assertThat(Health.of(none, NOW).reasons()).containsExactly("no rule set in force");
        GuardStatus refused = new GuardStatus(s.host(), s.version(), s.startedAt(), s.writtenAt(), s.ruleSet(),
                new GuardStatus.Refusal("2026-11-30T11:59:00Z", List.of("local.yar:3: undefined identifier")),
                s.modes(), s.last24h(), s.audit(), s.quarantine());
        Health health = Health.of(refused, NOW);
        assertThat(health.state()).isEqualTo(Health.State.DEGRADED);
        assertThat(health.reasons()).singleElement().asString().contains("refused at 2026-11-30T11:59:00Z");
    }

    @Test
    void troubleInTheLastHourIsDegraded() {
        GuardStatus s = healthy();
        GuardStatus trouble = new GuardStatus(s.host(), s.version(), s.startedAt(), s.writtenAt(), s.ruleSet(), null,
                s.modes(), new GuardStatus.Counts(s.startedAt(), 5, Map.of(), Map.of(), List.of(), 0,
                        Map.of("timeout", 2L), 2), s.audit(), s.quarantine());
        assertThat(Health.of(trouble, NOW).state()).isEqualTo(Health.State.DEGRADED);
    }

    @Test
    void auditDeliveryFailingDroppingOrNotDrainingIsDegraded() {
        GuardStatus s = healthy();
        String recent = NOW.minus(Duration.ofMinutes(4)).toString();
        String old = NOW.minus(Duration.ofMinutes(6)).toString();
        assertThat(Health.of(withAudit(s, new GuardStatus.AuditDelivery(true, true, 3, 10, 0, recent, null)), NOW)
                .state()).as("waiting but sent recently: draining").isEqualTo(Health.State.OK);
        assertThat(Health.of(withAudit(s, new GuardStatus.AuditDelivery(true, false, 0, 0, 0, null, null)), NOW)
                .state()).as("nothing tried yet").isEqualTo(Health.State.OK);
        assertThat(Health.of(withAudit(s, new GuardStatus.AuditDelivery(true, true, 3, 10, 0, old, null)), NOW)
                .reasons()).singleElement().asString().contains("not draining (3 waiting");
        assertThat(Health.of(withAudit(s, new GuardStatus.AuditDelivery(true, false, 0, 10, 0, recent,
                "connection refused")), NOW).reasons()).singleElement().asString().contains("connection refused");
        assertThat(Health.of(withAudit(s, new GuardStatus.AuditDelivery(true, true, 0, 10, 4, recent, null)), NOW)
                .reasons()).singleElement().asString().contains("4 audit messages dropped");
        assertThat(Health.auditProblem(withAudit(s, new GuardStatus.AuditDelivery(true, true, 3, 10, 0, old, null)),
                NOW)).isPresent();
    }

    @Test
    void anIncompleteStatusCannotTell() {
        GuardStatus s = healthy();
        GuardStatus incomplete = new GuardStatus(s.host(), s.version(), s.startedAt(), null, s.ruleSet(), null,
                s.modes(), s.last24h(), s.audit(), s.quarantine());
        assertThat(Health.of(incomplete, NOW).state()).isEqualTo(Health.State.UNKNOWN);
    }
}
