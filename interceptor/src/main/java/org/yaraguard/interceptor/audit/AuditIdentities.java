package org.yaraguard.interceptor.audit;

import java.util.function.Function;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.Setting;

/** The plugin's {@link AuditIdentity} from its {@code yara-guard.audit.*} settings. */
public final class AuditIdentities {

    private AuditIdentities() {
    }

    /**
     * Reads the AuditSourceID, enterprise site and patient-name switch through {@code lookup} and this host's name.
     *
     * @throws IllegalArgumentException naming a setting whose value is wrong
     */
    public static AuditIdentity from(Function<String, String> lookup) {
        return AuditIdentity.ofThisHost(text(lookup, Schema.AUDIT_SOURCE_ID), text(lookup, Schema.AUDIT_ENTERPRISE_SITE),
                Boolean.parseBoolean(text(lookup, Schema.AUDIT_PATIENT_NAME)));
    }

    private static String text(Function<String, String> lookup, String name) {
        Setting setting = Schema.get(name);
        String value = lookup.apply(name);
        String text = value == null || value.isBlank() ? setting.defaultValue() : value.strip();
        try {
            setting.check(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        return text;
    }
}
