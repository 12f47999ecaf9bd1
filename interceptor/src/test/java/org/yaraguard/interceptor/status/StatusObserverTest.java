package org.yaraguard.interceptor.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.StatusFile;
import org.yaraguard.interceptor.guard.BulkDataset;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.GuardFolders;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.guard.Origin;

class StatusObserverTest {

    private static final String RULES = """
            rule Test_Reject { meta: action = "reject" strings: $a = "REJECT-ME-NOW" condition: $a }
            rule Test_Tag { meta: action = "tag" strings: $a = "TAG-ME" condition: $a }
            """;
    private static final Origin C_STORE = new Origin("c-store", "MODALITY1", "DCM4CHEE", "10.0.0.5",
            BulkDataset.TRANSFER_SYNTAX);

    @TempDir
    Path temp;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void writesTheRuleSetModesAndCountsOfJudgedObjectsOnTheWritersTurnOnly() throws IOException {
        Map<String, String> properties = GuardFolders.under(temp, RULES);
        properties.put("yara-guard.mode.aet", "CT_1=monitor");
        GuardSettings settings = GuardSettings.from(properties::get);
        StatusObserver observer = new StatusObserver(settings, clock, AuditOutboxState::notConfigured);
        try (Guard guard = Guard.start(settings, clock, List.of(observer))) {
            observer.tick();
            GuardStatus first = StatusFile.read(settings.quarantineDir());
            assertThat(first.ruleSet().id()).isEqualTo(guard.ruleSet().orElseThrow().id());
            assertThat(first.ruleSet().rules()).isEqualTo(2);
            assertThat(first.modes()).isEqualTo(new GuardStatus.Modes("enforce", Map.of("CT_1", "monitor"), Map.of()));
            assertThat(first.last24h().objects()).isZero();

            judge(guard, "nothing to see");
            judge(guard, "REJECT-ME-NOW");
            judge(guard, "REJECT-ME-NOW and TAG-ME");
            judge(guard, "TAG-ME");
            assertThat(StatusFile.read(settings.quarantineDir())).as("the store's threads never write").isEqualTo(first);

            clock.step(Duration.ofSeconds(2));
            observer.tick();
            GuardStatus.Counts counts = StatusFile.read(settings.quarantineDir()).last24h();
            assertThat(counts.objects()).isEqualTo(4);
            assertThat(counts.byAction()).isEqualTo(Map.of("clean", 1L, "reject", 2L, "tag", 1L));
            assertThat(counts.byOutcome()).isEqualTo(Map.of("stored", 1L, "refused", 2L, "tagged", 1L));
            assertThat(counts.byRule()).containsExactly(new GuardStatus.RuleHits("Test_Reject", 2),
                    new GuardStatus.RuleHits("Test_Tag", 2));
            assertThat(StatusFile.read(settings.quarantineDir()).quarantine().entries())
                    .as("the quarantine is recounted at most once a minute").isZero();

            clock.step(StatusObserver.RECOUNT);
            observer.tick();
            assertThat(StatusFile.read(settings.quarantineDir()).quarantine().entries()).isEqualTo(2);
        }
    }

    @Test
    void anUnchangedStatusIsRewrittenOnlyAsAHeartbeat() throws IOException {
        GuardSettings settings = GuardSettings.from(GuardFolders.under(temp, RULES)::get);
        StatusObserver observer = new StatusObserver(settings, clock, AuditOutboxState::notConfigured);
        observer.tick();
        String first = StatusFile.read(settings.quarantineDir()).writtenAt();

        clock.step(StatusObserver.HEARTBEAT.minusSeconds(1));
        observer.tick();
        assertThat(StatusFile.read(settings.quarantineDir()).writtenAt()).isEqualTo(first);

        clock.step(Duration.ofSeconds(1));
        observer.tick();
        assertThat(StatusFile.read(settings.quarantineDir()).writtenAt()).isEqualTo(clock.instant().toString());
    }

    @Test
    void aChangeInAuditDeliveryIsWrittenAtTheNextTurn() throws IOException {
        GuardSettings settings = GuardSettings.from(GuardFolders.under(temp, RULES)::get);
        AtomicReference<AuditOutboxState> state = new AtomicReference<>(AuditOutboxState.notConfigured());
        StatusObserver observer = new StatusObserver(settings, clock, state::get);
        observer.tick();

        state.set(new AuditOutboxState(true, false, 7, 700, 3, 10, 0, Instant.parse("2026-11-30T11:00:00Z"),
                "connection refused"));
        clock.step(Duration.ofSeconds(2));
        observer.tick();
        assertThat(StatusFile.read(settings.quarantineDir()).audit()).isEqualTo(new GuardStatus.AuditDelivery(true,
                false, 7, 3, 0, "2026-11-30T11:00:00Z", "connection refused"));
    }

    @Test
    void aRefusedReloadIsShownUntilAGoodOneGoesLive() throws Exception {
        GuardSettings settings = GuardSettings.from(GuardFolders.under(temp, RULES)::get);
        StatusObserver observer = new StatusObserver(settings, clock, AuditOutboxState::notConfigured);
        try (RulesFolder rules = RulesFolder.open(settings.rulesDir(), new RulesFolder.Options(null, observer))) {
            Files.writeString(settings.rulesDir().resolve("local.yar"), "rule Broken {\n  condition:\n    nosuch\n}\n");
            assertThat(rules.reload()).isFalse();
            observer.tick();
            GuardStatus refused = StatusFile.read(settings.quarantineDir());
            assertThat(refused.ruleSet().id()).as("the set in force stays").isEqualTo(rules.current().orElseThrow().id());
            assertThat(refused.lastRefusal().at()).isEqualTo(clock.instant().toString());
            assertThat(refused.lastRefusal().errors()).singleElement().asString().startsWith("local.yar:3: ");

            Files.delete(settings.rulesDir().resolve("local.yar"));
            Files.writeString(settings.rulesDir().resolve("more.yar"), "rule More { condition: false }\n");
            assertThat(rules.reload()).isTrue();
            clock.step(Duration.ofSeconds(2));
            observer.tick();
            GuardStatus live = StatusFile.read(settings.quarantineDir());
            assertThat(live.lastRefusal()).isNull();
            assertThat(live.ruleSet().rules()).isEqualTo(3);
        }
    }

    @Test
    void aChangeWhoseWriteFailedIsWrittenAtTheNextTurn() throws IOException {
        GuardSettings settings = GuardSettings.from(GuardFolders.under(temp, RULES)::get);
        StatusObserver observer = new StatusObserver(settings, clock, AuditOutboxState::notConfigured);
        observer.tick();
        Path file = settings.quarantineDir().resolve(StatusFile.NAME);
        Files.delete(file);
        Files.createDirectories(file.resolve("blocks-the-rename"));

        observer.refused("folder", List.of());
        clock.step(Duration.ofSeconds(2));
        observer.tick();
        Files.delete(file.resolve("blocks-the-rename"));
        Files.delete(file);
        clock.step(Duration.ofSeconds(2));
        observer.tick();
        assertThat(StatusFile.read(settings.quarantineDir()).lastRefusal()).as("written before the heartbeat was due")
                .isNotNull();
    }

    private static void judge(Guard guard, String payload) throws IOException {
        byte[] object = new BulkDataset().text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7")
                .text(0x00080018, "UI", "1.2.3.9").text(0x0020000D, "UI", "1.2.3")
                .bytes(0x00091010, "OB", (payload + " ".repeat(300)).getBytes(StandardCharsets.US_ASCII)).encode();
        try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(object))) {
            guard.judge(spooled, C_STORE);
        }
    }

    /** A clock the test moves by hand, so no assertion depends on the wall clock. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void step(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
