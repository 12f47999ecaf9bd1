package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.ScanLimits;

class GuardSettingsTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(
            "jboss.server.config.dir", "/srv/wf/configuration", "jboss.server.data.dir", "/srv/wf/data",
            "jboss.server.temp.dir", "/srv/wf/tmp", "jboss.server.log.dir", "/srv/wf/log"));

    @Test
    void defaultsFollowTheContract() {
        GuardSettings settings = GuardSettings.from(properties::get);

        assertThat(settings.rulesDir()).isEqualTo(Path.of("/srv/wf/configuration/yara-guard/rules"));
        assertThat(settings.quarantineDir()).isEqualTo(Path.of("/srv/wf/data/yara-guard/quarantine"));
        assertThat(settings.spoolDir()).isEqualTo(Path.of("/srv/wf/tmp/yara-guard/spool"));
        assertThat(settings.findingsLog()).isEqualTo(Path.of("/srv/wf/log/yara-guard-findings.log"));
        assertThat(settings.policy().defaultAction()).isEqualTo(Action.REJECT);
        assertThat(settings.modes().modeFor("ANY", "10.0.0.1")).isEqualTo(Mode.ENFORCE);
        assertThat(settings.rejectStatus()).isEqualTo(0x0124);
        assertThat(settings.limits().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.limits().maxObjectBytes()).isEqualTo(ScanLimits.MAX_SCANNABLE_BYTES);
        assertThat(settings.maxObjectBytes()).as("where the spool stops").isEqualTo(4L << 30);
        assertThat(settings.spoolMemoryBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(settings.troubleActions().onTimeout()).isEqualTo(Action.REJECT);
        assertThat(settings.troubleActions().onTooLarge()).isEqualTo(Action.REJECT);
        assertThat(settings.troubleActions().onEngineError()).isEqualTo(Action.REJECT);
        assertThat(settings.troubleActions().onAnomaly()).isEqualTo(Action.LOG);
        assertThat(settings.troubleActions().onIncomplete()).isEqualTo(Action.REJECT);
        assertThat(settings.startupPolicy()).isEqualTo(StartupPolicy.FAIL_CLOSED);
        assertThat(settings.troubleActions().onNoRules()).isEqualTo(Action.REJECT);
    }

    @Test
    void readsEveryProperty() {
        properties.putAll(Map.of("yara-guard.rules.dir", "/r", "yara-guard.default.action", "tag",
                "yara-guard.policy", "rule:Suspicious_*=log", "yara-guard.mode", "monitor",
                "yara-guard.mode.aet", "MODALITY1=enforce,PACS2=monitor", "yara-guard.mode.host", "10.1.2.3=enforce",
                "yara-guard.reject.status", "0xA801", "yara-guard.scan.timeout", "3",
                "yara-guard.startup.policy", "fail-open", "yara-guard.on.anomaly", "reject"));
        properties.put("yara-guard.max.object.bytes", "1000");
        properties.put("yara-guard.on.incomplete", "tag");

        GuardSettings settings = GuardSettings.from(properties::get);

        assertThat(settings.rulesDir()).isEqualTo(Path.of("/r"));
        assertThat(settings.policy().defaultAction()).isEqualTo(Action.TAG);
        assertThat(settings.policy().mappings()).hasSize(1);
        assertThat(settings.modes().modeFor("MODALITY1", "10.9.9.9")).isEqualTo(Mode.ENFORCE);
        assertThat(settings.modes().modeFor("PACS2", "10.1.2.3")).isEqualTo(Mode.MONITOR);
        assertThat(settings.modes().modeFor("OTHER", "10.1.2.3")).isEqualTo(Mode.ENFORCE);
        assertThat(settings.modes().modeFor("OTHER", "10.9.9.9")).isEqualTo(Mode.MONITOR);
        assertThat(settings.rejectStatus()).isEqualTo(0xA801);
        assertThat(settings.limits().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.limits().maxObjectBytes()).isEqualTo(1000);
        assertThat(settings.troubleActions().onNoRules()).isEqualTo(Action.LOG);
        assertThat(settings.troubleActions().onAnomaly()).isEqualTo(Action.REJECT);
        assertThat(settings.troubleActions().onIncomplete()).isEqualTo(Action.TAG);
    }

    @Test
    void sizesTakeBinaryUnitsAsTheSettingsCheckDoes() {
        properties.put("yara-guard.max.object.bytes", "2MiB");
        properties.put("yara-guard.spool.memory.bytes", "64k");

        GuardSettings settings = GuardSettings.from(properties::get);

        assertThat(settings.maxObjectBytes()).isEqualTo(2L << 20);
        assertThat(settings.spoolMemoryBytes()).isEqualTo(64L << 10);
    }

    @Test
    void reportsEveryWrongPropertyAtOnce() {
        properties.putAll(Map.of("yara-guard.mode", "audit", "yara-guard.reject.status", "0x0000",
                "yara-guard.scan.timeout", "-1", "yara-guard.on.timeout", "explode",
                "yara-guard.mode.aet", "MODALITY1", "yara-guard.policy", "rule=reject"));

        assertThatThrownBy(() -> GuardSettings.from(properties::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("yara-guard.mode: \"audit\"", "yara-guard.reject.status", "yara-guard.scan.timeout",
                        "yara-guard.on.timeout", "yara-guard.mode.aet", "yara-guard.policy");
    }

    @Test
    void withoutServerFoldersTheFolderPropertiesAreRequired() {
        assertThatThrownBy(() -> GuardSettings.from(name -> null))
                .hasMessageContainingAll("yara-guard.rules.dir", "jboss.server.config.dir");
    }
}
