package org.yaraguard.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.yara.YaraRuleInfo;

class FindingTallyTest {

    @Test
    void oneRuleInTenThousandRegionsIsOneFindingWithACountAndAFewOffsets() {
        FindingTally tally = new FindingTally();
        YaraRuleInfo rule = rule("Payload_In_Private_Value");
        for (long i = 0; i < 10_000; i++) {
            tally.add(rule, "private_value", List.of(1000 + i), Action.REJECT);
        }

        assertThat(tally.findings()).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(10_000);
            assertThat(f.offsets()).hasSize(FindingTally.MAX_OFFSETS).startsWith(1000L, 1001L);
            assertThat(f.region()).isEqualTo("private_value");
        });
        assertThat(tally.omitted()).isZero();
        assertThat(tally.strongest()).isEqualTo(Action.REJECT);
    }

    @Test
    void theSameRuleInAnotherRegionIsAnotherFinding() {
        FindingTally tally = new FindingTally();
        tally.add(rule("R"), "object", List.of(), Action.LOG);
        tally.add(rule("R"), "preamble", List.of(), Action.LOG);

        assertThat(tally.findings()).extracting(Finding::region).containsExactly("object", "preamble");
    }

    @Test
    void aStrongerFindingDisplacesAWeakerOneOnceFullAndNothingIsLostFromTheAction() {
        FindingTally tally = new FindingTally();
        for (int i = 0; i < FindingTally.MAX_FINDINGS + 5; i++) {
            tally.add(rule("Logged_" + i), "object", List.of(), Action.LOG);
        }
        tally.add(rule("Tagged"), "object", List.of(), Action.TAG);
        tally.add(rule("Logged_late"), "object", List.of(), Action.LOG);

        assertThat(tally.findings()).hasSize(FindingTally.MAX_FINDINGS);
        assertThat(tally.findings()).extracting(Finding::rule).contains("Tagged").doesNotContain("Logged_late");
        assertThat(tally.omitted()).isEqualTo(7);
        assertThat(tally.strongest()).isEqualTo(Action.TAG);
    }

    private static YaraRuleInfo rule(String name) {
        return new YaraRuleInfo(name, "default/test.yar", List.of(), Map.of());
    }
}
