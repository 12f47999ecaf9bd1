package org.yaraguard.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void passwordsAndSecretsAreMaskedKnownOrMistyped() {
        Map<String, String> effective = new LinkedHashMap<>();
        effective.put(Schema.AUDIT_REPOSITORY, "tls://arr.example.org:6514");
        effective.put(Schema.AUDIT_TLS_KEYSTORE_PASSWORD, "k3y-pw");
        effective.put(Schema.AUDIT_TLS_TRUSTSTORE_PASSWORD, "trust-pw");
        effective.put("yara-guard.audit.tls.keystor.password", "typo-pw");
        effective.put(Schema.STOW_CLIENT_SECRET, "s3cret");

        String line = Summary.of(effective);

        assertThat(line).contains("audit.repository=tls://arr.example.org:6514", "audit.tls.keystore.password=(set)",
                "audit.tls.truststore.password=(set)", "audit.tls.keystor.password=(set)");
        assertThat(line).doesNotContain("k3y-pw", "trust-pw", "typo-pw", "s3cret");
    }

    @Test
    void theAuditRepositoryMustBeATlsOrUdpSyslogTarget() {
        Setting repository = Schema.get(Schema.AUDIT_REPOSITORY);
        repository.check("tls://arr.example.org:6514");
        repository.check("udp://10.0.0.7:514");
        repository.check("");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.check("arr.example.org:6514"))
                .hasMessageContaining("tls://host:port or udp://host:port");
    }
}
