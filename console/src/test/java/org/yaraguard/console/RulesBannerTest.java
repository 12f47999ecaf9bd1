package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.quarantine.RulesStatus;

class RulesBannerTest {

    private static final String ID = "59bb5499256de6c31287cb5fb5b802212ea1b22a185e22a9a65f0b916f7a8541";

    @Test
    void aLiveRuleSetIsNamedWithoutABanner() {
        String html = RulesBanner.html(Optional.of(
                new RulesStatus(ID, "/srv/rules", 3, 12, "2026-11-30T15:00:00Z", null, List.of())));

        assertThat(html).contains("59bb5499256de6c3").contains("/srv/rules").contains("3 files, 12 rules")
                .doesNotContain("refused");
    }

    @Test
    void aRefusedReloadShowsItsErrorsEscapedAndTheSetThatStays() {
        String html = RulesBanner.html(Optional.of(new RulesStatus(ID, "/srv/rules", 3, 12, "2026-11-30T15:00:00Z",
                "2026-11-30T16:00:00Z", List.of("local/<b>.yar:3: undefined identifier \"nosuch\""))));

        assertThat(html).contains("id=\"rules-refused\"").contains("2026-11-30T16:00:00Z").contains("stays in force")
                .contains("local/&lt;b&gt;.yar:3: undefined identifier &quot;nosuch&quot;")
                .doesNotContain("<b>.yar");
    }

    @Test
    void noRuleSetInForceAndNoStatusAreSaidPlainly() {
        assertThat(RulesBanner.html(Optional.of(new RulesStatus(null, "/srv/rules", 0, 0, null,
                "2026-11-30T16:00:00Z", List.of("a.yar:1: syntax error")))))
                .contains("no rule set in force").contains("a.yar:1: syntax error").doesNotContain("stays in force");
        assertThat(RulesBanner.html(Optional.empty())).contains("no status from the hook yet");
    }
}
