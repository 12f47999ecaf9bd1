package org.yaraguard.interceptor;

import java.nio.file.Path;
import java.util.function.Function;
import org.yaraguard.audit.AuditDelivery;
import org.yaraguard.audit.syslog.TlsStores;
import org.yaraguard.settings.Expressions;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.Setting;
import org.yaraguard.settings.Values;

/** The {@code yara-guard.audit.*} settings as the audit delivery takes them, read through the settings Schema. */
final class AuditSettings {

    private AuditSettings() {
    }

    /**
     * The delivery the properties ask for (blank repository: none).
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static AuditDelivery from(Function<String, String> lookup) {
        String repository = text(lookup, Schema.AUDIT_REPOSITORY);
        Setting max = Schema.get(Schema.AUDIT_SPOOL_MAX_BYTES);
        String maxText = text(lookup, Schema.AUDIT_SPOOL_MAX_BYTES);
        long maxBytes;
        try {
            maxBytes = Values.bytes(maxText.isBlank() ? max.defaultValue() : maxText, max.min(), max.max());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(max.name() + ": " + e.getMessage());
        }
        TlsStores tls = new TlsStores(path(text(lookup, Schema.AUDIT_TLS_TRUSTSTORE)),
                blankToNull(lookup.apply(Schema.AUDIT_TLS_TRUSTSTORE_PASSWORD)),
                path(text(lookup, Schema.AUDIT_TLS_KEYSTORE)),
                blankToNull(lookup.apply(Schema.AUDIT_TLS_KEYSTORE_PASSWORD)));
        return new AuditDelivery(repository, spoolDir(lookup), maxBytes, tls);
    }

    private static Path spoolDir(Function<String, String> lookup) {
        String value = text(lookup, Schema.AUDIT_SPOOL_DIR);
        if (!value.isBlank()) {
            return Path.of(value.strip()).toAbsolutePath().normalize();
        }
        Expressions.Resolved resolved = Expressions.resolve(Schema.get(Schema.AUDIT_SPOOL_DIR).defaultValue(), lookup);
        if (!resolved.complete()) {
            throw new IllegalArgumentException(Schema.AUDIT_SPOOL_DIR + " is not set and " + String.join(", ",
                    resolved.unresolved()) + " (its default's base) is unknown");
        }
        return Path.of(resolved.value()).toAbsolutePath().normalize();
    }

    private static String text(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Path path(String value) {
        return value.isBlank() ? null : Path.of(value.strip()).toAbsolutePath().normalize();
    }
}
