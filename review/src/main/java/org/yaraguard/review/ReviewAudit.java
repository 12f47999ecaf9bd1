package org.yaraguard.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.audit.message.AuditXml;
import org.yaraguard.audit.message.RestrictedFunction;
import org.yaraguard.audit.message.ReviewAction;
import org.yaraguard.audit.spool.AuditSpool;
import org.yaraguard.settings.Expressions;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.Setting;
import org.yaraguard.settings.Values;

/**
 * Sends review actions to the Audit Record Repository as Use of Restricted Function events: the command line and the
 * console have no sender of their own, so each message is dropped into the plugin's audit spool
 * ({@code yara-guard.audit.spool.dir}) and the plugin's sender delivers it. Off when no repository is configured
 * ({@code yara-guard.audit.repository}): nothing would ever send the files.
 *
 * @param spoolDir the plugin's audit spool, or null when off
 */
public record ReviewAudit(Path spoolDir, long maxBytes, AuditIdentity identity) {

    private static final System.Logger LOG = System.getLogger("org.yaraguard.review");

    /** No audit messages. */
    public static final ReviewAudit OFF = new ReviewAudit(null, 0, null);

    /** The audit the properties ask for; a setting that is wrong turns it off and says so in the log. */
    public static ReviewAudit from(Properties p) {
        Function<String, String> lookup = p::getProperty;
        String repository = lookup.apply(Schema.AUDIT_REPOSITORY);
        if (repository == null || repository.isBlank()) {
            return OFF;
        }
        try {
            Expressions.Resolved spool = Expressions.resolve(value(lookup, Schema.AUDIT_SPOOL_DIR), lookup);
            if (!spool.complete()) {
                throw new IllegalArgumentException(Schema.AUDIT_SPOOL_DIR + " is not set and "
                        + String.join(", ", spool.unresolved()) + " is unknown");
            }
            Setting max = Schema.get(Schema.AUDIT_SPOOL_MAX_BYTES);
            long maxBytes = Values.bytes(value(lookup, Schema.AUDIT_SPOOL_MAX_BYTES), max.min(), max.max());
            Schema.get(Schema.AUDIT_PATIENT_NAME).check(value(lookup, Schema.AUDIT_PATIENT_NAME));
            AuditIdentity identity = AuditIdentity.ofThisHost(value(lookup, Schema.AUDIT_SOURCE_ID),
                    value(lookup, Schema.AUDIT_ENTERPRISE_SITE),
                    Boolean.parseBoolean(value(lookup, Schema.AUDIT_PATIENT_NAME)));
            return new ReviewAudit(Path.of(spool.value()).toAbsolutePath().normalize(), maxBytes, identity);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "YARA Guard review actions are not sent to the audit repository: {0}",
                    e.getMessage());
            return OFF;
        }
    }

    /** Whether review actions are audited. */
    public boolean on() {
        return spoolDir != null;
    }

    /**
     * Drops the action's audit message into the spool. The action is done and in the findings log already, so a
     * message that cannot be spooled (the cap reached, no right to write) is a warning, never a failed action.
     */
    void record(ReviewAction action) {
        if (!on()) {
            return;
        }
        try {
            if (!AuditSpool.drop(spoolDir, maxBytes, AuditXml.write(RestrictedFunction.of(action, identity)),
                    action.at())) {
                LOG.log(System.Logger.Level.WARNING, "YARA Guard audit spool {0} is full: the audit message of"
                        + " review action {1} on {2} is dropped", spoolDir, action.function().code().meaning(),
                        action.entryId());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "YARA Guard could not spool the audit message of review action {0}"
                    + " on {1}: {2}", action.function().code().meaning(), action.entryId(), e.toString());
        }
    }

    private static String value(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Schema.get(name).defaultValue() : value.strip();
    }
}
