package org.yaraguard.interceptor.audit;

import java.util.function.Function;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.Setting;

/** The plugin's {@link AuditIdentity} from its {@code yara-guard.audit.*} settings. */
public final class AuditIdentities {

    private AuditIdentities() {
    }

    private static final System.Logger LOG = System.getLogger("org.yaraguard");

    /**
     * Reads the AuditSourceID, enterprise site and patient-name switch through {@code lookup} and this host's name.
     * A wrong value is an ERROR in the server log and its default is used (no patient names): audit must not keep
     * the hook from starting.
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
            return text;
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "YARA Guard setting {0}: {1}; audit messages use the default \"{2}\"",
                    name, e.getMessage(), setting.defaultValue());
            return setting.defaultValue();
        }
    }
}
