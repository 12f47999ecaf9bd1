package org.yaraguard.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.AuditDelivery;
import org.yaraguard.audit.AuditOutbox;

class AuditSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsLieBesideTheQuarantineInTheServersDataFolder() {
        AuditDelivery delivery = AuditSettings.from(Map.of("jboss.server.data.dir", tmp.toString())::get);
        assertThat(delivery.repository()).isEmpty();
        assertThat(delivery.spoolDir()).isEqualTo(tmp.resolve("yara-guard/audit-spool"));
        assertThat(delivery.spoolMaxBytes()).isEqualTo(64L << 20);
        assertThat(delivery.tls().trustStore()).isNull();
        assertThat(delivery.tls().keyStore()).isNull();
    }

    @Test
    void readsEverySetting() {
        AuditDelivery delivery = AuditSettings.from(Map.of(
                "yara-guard.audit.repository", "tls://arr.example.org:6514",
                "yara-guard.audit.spool.dir", tmp.resolve("spool").toString(),
                "yara-guard.audit.spool.max.bytes", "8MiB",
                "yara-guard.audit.tls.truststore", "/srv/trust.p12",
                "yara-guard.audit.tls.truststore.password", "t",
                "yara-guard.audit.tls.keystore", "/srv/key.p12",
                "yara-guard.audit.tls.keystore.password", "k")::get);
        assertThat(delivery.repository()).isEqualTo("tls://arr.example.org:6514");
        assertThat(delivery.spoolDir()).isEqualTo(tmp.resolve("spool"));
        assertThat(delivery.spoolMaxBytes()).isEqualTo(8L << 20);
        assertThat(delivery.tls().trustStore()).isEqualTo(Path.of("/srv/trust.p12"));
        assertThat(delivery.tls().keyStorePassword()).isEqualTo("k");
        assertThat(delivery.tls().toString()).doesNotContain("=t,", "=k");
    }

    @Test
    void aWrongValueTurnsAuditOffAndSaysWhyWithoutStoppingTheHook() {
        Map<String, String> wrong = Map.of("yara-guard.audit.repository", "tls://arr:6514",
                "yara-guard.audit.spool.max.bytes", "lots", "jboss.server.data.dir", tmp.toString());
        assertThatThrownBy(() -> AuditSettings.from(wrong::get)).hasMessageContaining("audit.spool.max.bytes");
        try (AuditOutbox outbox = Observers.startOutbox(wrong::get, Clock.systemUTC())) {
            outbox.submit(new byte[] {'<', '/', '>'});
            assertThat(outbox.state().configured()).isTrue();
            assertThat(outbox.state().dropped()).isEqualTo(1);
            assertThat(outbox.state().lastError()).contains("audit.spool.max.bytes");
        }
    }
}
