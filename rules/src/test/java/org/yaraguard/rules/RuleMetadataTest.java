package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.yara.YaraRuleInfo;

/** Every default rule carries the meta the engine reads, and the bundled copy equals the source folder. */
class RuleMetadataTest {

    private static final Set<String> ACTIONS = Set.of("reject", "tag", "log");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

    @Test
    void everyRuleHasDescriptionActionSeverityAndReference() throws Exception {
        try (RulesUnderTest rules = RulesUnderTest.compile()) {
            assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(20);
            for (YaraRuleInfo rule : rules.rules()) {
                String name = rule.namespace() + ":" + rule.identifier();
                assertThat(rule.meta().get("description")).as(name).isInstanceOf(String.class);
                assertThat((String) rule.meta().get("description")).as(name).isNotBlank();
                assertThat(rule.meta().get("action")).as(name).isIn(ACTIONS.toArray());
                assertThat(rule.meta().get("severity")).as(name).isIn(SEVERITIES.toArray());
                assertThat((String) rule.meta().get("reference")).as(name).startsWith("https://");
            }
        }
    }

    @Test
    void ruleNamesAreUniqueAcrossFiles() throws Exception {
        try (RulesUnderTest rules = RulesUnderTest.compile()) {
            List<String> names = rules.rules().stream().map(YaraRuleInfo::identifier).toList();
            assertThat(names).doesNotHaveDuplicates();
        }
    }

    @Test
    void bundledIndexListsExactlyTheSourceFiles() throws Exception {
        List<String> sources = RulesUnderTest.ruleFiles().stream().map(f -> f.getFileName().toString()).toList();
        assertThat(DefaultRules.names()).containsExactlyInAnyOrderElementsOf(sources);
    }

    @Test
    void copyToWritesTheSourceFilesByteForByte(@TempDir Path target) throws Exception {
        DefaultRules.copyTo(target.resolve("rules"));
        for (Path source : RulesUnderTest.ruleFiles()) {
            Path copy = target.resolve("rules").resolve(source.getFileName().toString());
            assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(source));
        }
    }
}
