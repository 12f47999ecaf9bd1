package org.yaraguard.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules change at run time without a redeploy: a rule file that does not compile leaves the previous rules in
 * force and its error in the server log; once it is gone, a new valid rule takes effect.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class RuleReloadIT extends DeployedArchive {

    private static final Duration RELOAD_WAIT = Duration.ofSeconds(60);
    private final Path folder = ItEnvironment.rulesFolder().resolve("it-reload");

    @AfterEach
    void removeRules() throws IOException {
        Files.deleteIfExists(folder.resolve("broken.yar"));
        Files.deleteIfExists(folder.resolve("reload.yar"));
    }

    @Test
    void brokenRuleKeepsPreviousRulesAndNewRuleTakesEffect() throws Exception {
        DicomSamples samples = samples("reload");
        DicomSample marked = samples.image("marked", 301, DicomSamples.RELOAD_MARKER);
        DicomSample polyglot = samples.image("pe", 302, null).withPreamble("pe", DicomSamples.pePreamble());
        assertThat(archive.cStore(marked.dataset(), "RELOADSCU").stored()).isTrue();

        Files.createDirectories(folder);
        long logSize = Files.size(ItEnvironment.serverLog());
        Files.writeString(folder.resolve("broken.yar"),
                "rule it_broken\n{\n    condition:\n        no_such_identifier\n}\n", StandardCharsets.US_ASCII);
        awaitLogMention(logSize, "broken.yar");

        StoreOutcome stillGuarded = archive.stow(polyglot.part10(), null);
        assertThat(stillGuarded.refused()).as("outcome %s", stillGuarded).isTrue();
        assertThat(stillGuarded.message()).contains("preamble_pe_executable");

        Files.delete(folder.resolve("broken.yar"));
        Files.writeString(folder.resolve("reload.yar"), """
                rule it_reload_marker
                {
                    meta:
                        action = "reject"
                    strings:
                        $marker = "%s"
                    condition:
                        region == "object" and $marker
                }
                """.formatted(DicomSamples.RELOAD_MARKER), StandardCharsets.US_ASCII);

        Instant deadline = Instant.now().plus(RELOAD_WAIT);
        StoreOutcome outcome;
        int attempt = 0;
        do {
            Thread.sleep(500);
            outcome = archive.cStore(marked.variant(310 + attempt++).dataset(), "RELOADSCU");
        } while (outcome.stored() && Instant.now().isBefore(deadline));
        assertThat(outcome.refused()).as("outcome %s after %s attempts", outcome, attempt).isTrue();
        assertThat(outcome.message()).contains("it_reload_marker");
    }

    private static void awaitLogMention(long from, String text) throws Exception {
        Instant deadline = Instant.now().plus(RELOAD_WAIT);
        while (Instant.now().isBefore(deadline)) {
            byte[] log = Files.readAllBytes(ItEnvironment.serverLog());
            int start = (int) Math.min(from, log.length);
            if (new String(log, start, log.length - start, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server log never mentioned " + text + " after the rule file was dropped");
    }
}
