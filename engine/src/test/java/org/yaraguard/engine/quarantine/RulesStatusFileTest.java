package org.yaraguard.engine.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.rules.RulesFolder;

class RulesStatusFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path rulesDir;
    @TempDir
    Path quarantineDir;

    @Test
    void recordsTheRuleSetInForceAndThenARefusedReloadWithItsError() throws Exception {
        Files.createDirectories(rulesDir.resolve("default"));
        Files.writeString(rulesDir.resolve("default/a.yar"), "rule Alpha { strings: $s = \"alpha\" condition: $s }\n");
        RulesStatusFile status = new RulesStatusFile(quarantineDir, rulesDir, CLOCK);
        try (RulesFolder rules = RulesFolder.open(rulesDir, new RulesFolder.Options(null, status))) {
            String good = rules.current().orElseThrow().id();
            RulesStatus loaded = RulesStatusFile.read(quarantineDir).orElseThrow();
            assertThat(loaded.rulesetId()).isEqualTo(good);
            assertThat(loaded.files()).isEqualTo(1);
            assertThat(loaded.rules()).isEqualTo(1);
            assertThat(loaded.refused()).isFalse();
            assertThat(Files.getPosixFilePermissions(quarantineDir.resolve(RulesStatusFile.NAME)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            Files.writeString(rulesDir.resolve("local.yar"), "rule Broken {\n  condition:\n    nosuch\n}\n");
            assertThat(rules.reload()).isFalse();
            RulesStatus refused = RulesStatusFile.read(quarantineDir).orElseThrow();
            assertThat(refused.rulesetId()).as("the previous set stays in force").isEqualTo(good);
            assertThat(refused.loadedAt()).isEqualTo(loaded.loadedAt());
            assertThat(refused.refusedAt()).isEqualTo("2026-11-30T16:00:00Z");
            assertThat(refused.errors()).singleElement().asString().startsWith("local.yar:3: ");

            Files.delete(rulesDir.resolve("local.yar"));
            rules.reload();
            assertThat(RulesStatusFile.read(quarantineDir).orElseThrow().refused()).isFalse();
        }
    }

    @Test
    void aLinkInPlaceOfTheStatusIsNeitherReadNorWrittenThrough() throws Exception {
        Path elsewhere = Files.writeString(rulesDir.resolve("elsewhere.json"),
                "{\"rulesetId\":\"forged\",\"refusedAt\":null}");
        Files.createSymbolicLink(quarantineDir.resolve(RulesStatusFile.NAME), elsewhere);
        assertThat(RulesStatusFile.read(quarantineDir)).isEmpty();

        new RulesStatusFile(quarantineDir, rulesDir, CLOCK).refused("id", java.util.List.of());
        assertThat(Files.readString(elsewhere)).contains("forged");
        assertThat(Files.isSymbolicLink(quarantineDir.resolve(RulesStatusFile.NAME))).isFalse();
        assertThat(RulesStatusFile.read(quarantineDir).orElseThrow().refused()).isTrue();
    }
}
