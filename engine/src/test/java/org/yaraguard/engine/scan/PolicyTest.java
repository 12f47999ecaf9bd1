package org.yaraguard.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.yara.YaraRuleInfo;

class PolicyTest {

    private final Policy policy = Policy.parse(
            "rule:*_LooksClean=clean, tag:pua=log, namespace:vendor/*=tag, rule:Vendor_Bad=reject", Action.REJECT);

    @Test
    void metaActionWinsOverMappings() {
        ResolvedAction resolved = policy.resolve(rule("Vendor_LooksClean", "vendor/x.yar", List.of(), "tag"));
        assertThat(resolved).isEqualTo(new ResolvedAction(Action.TAG, "meta action"));
    }

    @Test
    void firstFittingMappingDecidesRulesWithoutMeta() {
        assertThat(policy.resolve(rule("PE_LooksClean", "vendor/x.yar", List.of(), null)).action())
                .isEqualTo(Action.CLEAN);
        assertThat(policy.resolve(rule("Adware", "other.yar", List.of("misc", "pua"), null)).action())
                .isEqualTo(Action.LOG);
        ResolvedAction byNamespace = policy.resolve(rule("Vendor_Bad", "vendor/x.yar", List.of(), null));
        assertThat(byNamespace.action()).isEqualTo(Action.TAG);
        assertThat(byNamespace.reason()).isEqualTo("policy namespace:vendor/*=tag");
    }

    @Test
    void unmappedRulesGetTheDefaultAndAnInvalidMetaIsNamed() {
        assertThat(policy.resolve(rule("Unknown", "a.yar", List.of(), null)))
                .isEqualTo(new ResolvedAction(Action.REJECT, "default action"));
        ResolvedAction invalid = Policy.parse("", Action.LOG).resolve(rule("X", "a.yar", List.of(), "quarantine"));
        assertThat(invalid.action()).isEqualTo(Action.LOG);
        assertThat(invalid.reason()).contains("\"quarantine\" is not an action");
    }

    @Test
    void globsAreAnchoredAndLiteralOtherwise() {
        Policy dots = Policy.parse("rule:a.c=log", Action.REJECT);
        assertThat(dots.resolve(rule("a.c", "n", List.of(), null)).action()).isEqualTo(Action.LOG);
        assertThat(dots.resolve(rule("abc", "n", List.of(), null)).action()).isEqualTo(Action.REJECT);
        assertThat(dots.resolve(rule("xa.c", "n", List.of(), null)).action()).isEqualTo(Action.REJECT);
    }

    @Test
    void malformedSpecificationsAreRefusedWithTheEntry() {
        assertThatThrownBy(() -> Policy.parse("rule=log", Action.REJECT)).hasMessageContaining("\"rule=log\"");
        assertThatThrownBy(() -> Policy.parse("file:x=log", Action.REJECT)).hasMessageContaining("rule, tag or namespace");
        assertThatThrownBy(() -> Policy.parse("rule:x=drop", Action.REJECT)).hasMessageContaining("unknown action");
    }

    @Test
    void actionsOrderFromCleanToReject() {
        assertThat(Action.LOG.max(Action.TAG)).isEqualTo(Action.TAG);
        assertThat(Action.REJECT.max(Action.CLEAN)).isEqualTo(Action.REJECT);
        assertThat(Action.parse(" Ignore ")).isEqualTo(Action.CLEAN);
    }

    private static YaraRuleInfo rule(String name, String namespace, List<String> tags, String action) {
        return new YaraRuleInfo(name, namespace, tags, action == null ? Map.of() : Map.of("action", action));
    }
}
