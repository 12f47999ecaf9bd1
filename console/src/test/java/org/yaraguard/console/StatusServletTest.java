package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.Health;

class StatusServletTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String HOSTILE = "<script>alert(1)</script>\u001b[31m";

    static GuardStatus status(Instant writtenAt, GuardStatus.AuditDelivery audit) {
        Instant started = NOW.minus(Duration.ofHours(3));
        return new GuardStatus("pacs1", "1.0", started.toString(), writtenAt.toString(),
                new GuardStatus.RuleSetInForce("abc123", "/rules", 2, 40, started.toString()),
                new GuardStatus.Refusal("2026-11-30T11:58:00Z", List.of("local.yar:3: " + HOSTILE)),
                new GuardStatus.Modes("enforce", Map.of(HOSTILE, "monitor"), Map.of("10.0.0.9", "monitor")),
                new GuardStatus.Counts(started.toString(), 120, Map.of("clean", 110L, "reject", 10L),
                        Map.of("stored", 110L, "refused", 10L), List.of(new GuardStatus.RuleHits("PE_In_Preamble", 9),
                                new GuardStatus.RuleHits(HOSTILE, 1)), 3, Map.of("timeout", 1L), 1),
                audit, new GuardStatus.QuarantineUsage(10, 7_500_000, writtenAt.toString()));
    }

    private static String page(GuardStatus status) {
        StringWriter html = new StringWriter();
        StatusServlet.body(new PrintWriter(html, true), Health.of(status, NOW), status);
        return html.toString();
    }

    @Test
    void showsHealthRuleSetModesCountsAuditAndQuarantine() {
        String html = page(status(NOW.minusSeconds(5), new GuardStatus.AuditDelivery(true, false, 4, 10, 0,
                "2026-11-30T11:59:00Z", "connection refused")));
        assertThat(html).contains("<p id=\"health\" class=\"health-degraded\"><b>DEGRADED</b>")
                .contains("<code id=\"ruleset-id\">abc123</code>").contains("<b id=\"objects\">120</b>")
                .contains("<td>reject</td><td>10</td>").contains("<td>PE_In_Preamble</td><td>9</td>")
                .contains("and 3 more rules").contains("<td>timeout</td><td>1</td>")
                .contains("<td>host 10.0.0.9</td><td>monitor</td>").contains("connection refused")
                .contains("id=\"status-refused\"").contains("<tr><th>Entries</th><td>10</td></tr>");
    }

    @Test
    void everythingFromSendersAndAdministratorsIsEscaped() {
        String html = page(status(NOW.minusSeconds(5), GuardStatus.AuditDelivery.notConfigured()));
        assertThat(html).doesNotContain("<script>").doesNotContain("\u001b")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aStaleStatusSaysSoAndShowsNothingAsCurrent() {
        GuardStatus stale = status(NOW.minus(Duration.ofMinutes(5)), GuardStatus.AuditDelivery.notConfigured());
        StringWriter html = new StringWriter();
        StatusServlet.body(new PrintWriter(html, true), Health.unknown("no status from the plugin yet"), null);
        assertThat(html.toString()).contains("<b>UNKNOWN</b>: no status from the plugin yet")
                .doesNotContain("ruleset-id");
        assertThat(page(stale)).contains("class=\"health-unknown\"").contains("not running or hung");
    }

    @Test
    void theAuditBannerShowsOnlyWhileAFreshStatusSaysDeliveryIsStuck() {
        GuardStatus.AuditDelivery stuck = new GuardStatus.AuditDelivery(true, true, 40, 100, 0,
                NOW.minus(Duration.ofMinutes(10)).toString(), null);
        assertThat(RulesBanner.auditHtml(Optional.of(status(NOW.minusSeconds(5), stuck)), NOW))
                .contains("id=\"audit-banner\"").contains("not draining (40 waiting");
        assertThat(RulesBanner.auditHtml(Optional.of(status(NOW.minusSeconds(5), new GuardStatus.AuditDelivery(true,
                true, 0, 100, 0, NOW.minusSeconds(30).toString(), null))), NOW)).isEmpty();
        assertThat(RulesBanner.auditHtml(Optional.of(status(NOW.minus(Duration.ofMinutes(5)), stuck)), NOW))
                .as("an old status is no news about delivery now").isEmpty();
        assertThat(RulesBanner.auditHtml(Optional.empty(), NOW)).isEmpty();
    }
}
