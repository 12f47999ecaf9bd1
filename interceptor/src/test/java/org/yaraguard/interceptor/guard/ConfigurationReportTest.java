package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaraguard.settings.SettingsCheck;

class ConfigurationReportTest {

    private final SettingsCheck check = new SettingsCheck(new SettingsCheck.Context(n -> null, Optional.empty(), false));
    private final Map<String, String> server = new HashMap<>(Map.of(
            "jboss.server.config.dir", "/srv/wf/configuration", "jboss.server.data.dir", "/srv/wf/data",
            "jboss.server.temp.dir", "/srv/wf/tmp", "jboss.server.log.dir", "/srv/wf/log"));

    @Test
    void oneLineNamesEveryProblemAndSaysEveryStoreIsRefusedWhenAValueIsWrong() {
        Map<String, String> configured = Map.of("yara-guard.modee", "monitor", "yara-guard.mode", "enfroce",
                "yara-guard.scan.timeout", "soon");
        server.putAll(configured);
        String refusal = catchThrowable(() -> GuardSettings.from(server::get)).getMessage();

        String line = ConfigurationReport.errorLine(configured, refusal, check).orElseThrow();

        assertThat(line).startsWith("YARA Guard configuration is invalid (3 problems): ").contains(
                "yara-guard.mode: \"enfroce\" is not one of enforce, monitor; did you mean \"enforce\"?",
                "yara-guard.modee: unknown setting; did you mean yara-guard.mode?", "yara-guard.scan.timeout: ")
                .endsWith("EVERY STORE IS REFUSED until the configuration is fixed").doesNotContain("\n");
    }

    @Test
    void anUnknownNameAloneIsReportedAndIgnored() {
        Map<String, String> configured = Map.of("yara-guard.quarantine.dirr", "/q");
        server.putAll(configured);

        assertThat(GuardSettings.from(server::get).quarantineDir().toString()).isEqualTo(
                "/srv/wf/data/yara-guard/quarantine");
        assertThat(ConfigurationReport.errorLine(configured, null, check)).hasValueSatisfying(line -> assertThat(line)
                .contains("did you mean yara-guard.quarantine.dir?").contains("unknown names are ignored, their settings keep their defaults"));
    }

    @Test
    void aGoodConfigurationHasNoErrorLine() {
        assertThat(ConfigurationReport.errorLine(Map.of("yara-guard.mode", "monitor"), null, check)).isEmpty();
    }

    @Test
    void onlyOurNamesAreTaken() {
        Properties properties = new Properties();
        properties.setProperty("yara-guard.mode", "monitor");
        properties.setProperty("java.home", "/usr/lib/jvm");

        assertThat(ConfigurationReport.configured(properties)).containsOnlyKeys("yara-guard.mode");
    }
}
