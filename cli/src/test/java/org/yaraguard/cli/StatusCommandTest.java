package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.StatusFile;
import picocli.CommandLine;

/** {@code yara-guard status} over status files as the plugin writes them, judged at a fixed time. */
class StatusCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String HOSTILE_RULE = "Evil\u001b]0;owned\u0007\u009b31m\u202eRule";

    @TempDir
    Path quarantine;

    private record Run(int status, String out, String err) {
        String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new StatusCommand(Clock.fixed(NOW, ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Run runOnQuarantine(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--quarantine", quarantine.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static GuardStatus status(Instant writtenAt, GuardStatus.Refusal refusal, GuardStatus.AuditDelivery audit) {
        Instant started = NOW.minus(Duration.ofHours(3));
        return new GuardStatus("pacs1", "1.0", started.toString(), writtenAt.toString(),
                new GuardStatus.RuleSetInForce("abc123", "/rules", 2, 40, started.toString()), refusal,
                new GuardStatus.Modes("enforce", Map.of("CT_1", "monitor"), Map.of("10.0.0.9", "monitor")),
                new GuardStatus.Counts(started.toString(), 120, Map.of("clean", 110L, "reject", 10L),
                        Map.of("stored", 110L, "refused", 10L),
                        List.of(new GuardStatus.RuleHits("PE_In_Preamble", 9), new GuardStatus.RuleHits(HOSTILE_RULE, 1)),
                        0, Map.of(), 0),
                audit, new GuardStatus.QuarantineUsage(10, 7_500_000, writtenAt.toString()));
    }

    private void write(GuardStatus status) throws Exception {
        StatusFile.write(quarantine, status);
    }

    @Test
    void aFreshHealthyStatusIsOkWithTheRuleSetAndCounts() throws Exception {
        write(status(NOW.minusSeconds(5), null, GuardStatus.AuditDelivery.notConfigured()));
        Run run = runOnQuarantine();
        assertThat(run.status()).isZero();
        assertThat(run.firstLine()).isEqualTo(
                "YARA-GUARD OK - rule set abc123 (40 rules), 120 objects in 24 h, status written 5 s ago");
        assertThat(run.out()).contains("abc123 (2 files, 40 rules").contains("default enforce; by AE title CT_1=monitor")
                .contains("clean 110, reject 10").contains("PE_In_Preamble 9").contains("10 entries, 7500000 bytes");
    }

    @Test
    void aRefusedReloadIsDegradedAndItsErrorsAreShown() throws Exception {
        write(status(NOW.minusSeconds(5), new GuardStatus.Refusal("2026-11-30T11:58:00Z",
                List.of("local.yar:3: undefined identifier \"nosuch\"")), GuardStatus.AuditDelivery.notConfigured()));
        Run run = runOnQuarantine();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.firstLine()).startsWith("YARA-GUARD DEGRADED - the last reload was refused at 2026-11-30T11:58");
        assertThat(run.out()).contains("local.yar:3: undefined identifier");
    }

    @Test
    void anAuditSpoolNotDrainingIsDegraded() throws Exception {
        write(status(NOW.minusSeconds(5), null, new GuardStatus.AuditDelivery(true, true, 40, 100, 0,
                NOW.minus(Duration.ofMinutes(10)).toString(), null)));
        Run run = runOnQuarantine();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.firstLine()).contains("audit spool not draining (40 waiting");
    }

    @Test
    void aStaleStatusCannotTell() throws Exception {
        write(status(NOW.minus(Duration.ofMinutes(3)), null, GuardStatus.AuditDelivery.notConfigured()));
        Run run = runOnQuarantine();
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.firstLine()).startsWith("YARA-GUARD UNKNOWN - the status was last written 180 s ago")
                .contains("not running or hung");
    }

    @Test
    void noStatusFileOrAnUnreadableOneCannotTell() throws Exception {
        Run none = runOnQuarantine();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.firstLine()).startsWith("YARA-GUARD UNKNOWN - no status file");

        Files.writeString(quarantine.resolve(StatusFile.NAME), "{\"writtenAt\": [");
        Run garbled = runOnQuarantine();
        assertThat(garbled.status()).isEqualTo(2);
        assertThat(garbled.firstLine()).startsWith("YARA-GUARD UNKNOWN - cannot read the status");
    }

    @Test
    void namesFromSendersAndAdministratorsReachTheTerminalWithoutControlCharacters() throws Exception {
        write(status(NOW.minusSeconds(5), new GuardStatus.Refusal("2026-11-30T11:58:00Z",
                List.of("x.yar:1: \u001b[2J" + HOSTILE_RULE)), GuardStatus.AuditDelivery.notConfigured()));
        for (Run run : List.of(runOnQuarantine(), runOnQuarantine("--json"))) {
            assertThat(run.out()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
            assertThat(run.out().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        }
        assertThat(runOnQuarantine().out()).contains("Evil?]0;owned??31m?Rule");
    }

    @Test
    void jsonCarriesTheHealthAndTheWholeStatus() throws Exception {
        write(status(NOW.minusSeconds(5), null, GuardStatus.AuditDelivery.notConfigured()));
        Run run = runOnQuarantine("--json");
        assertThat(run.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("state").asText()).isEqualTo("OK");
        assertThat(json.path("status").path("ruleSet").path("id").asText()).isEqualTo("abc123");
        assertThat(json.path("status").path("last24h").path("byRule").get(1).path("rule").asText())
                .isEqualTo(HOSTILE_RULE);
    }

    @Test
    void isRegisteredAsASubcommand() {
        assertThat(YaraGuard.commandLine().getSubcommands()).containsKey("status");
    }
}
