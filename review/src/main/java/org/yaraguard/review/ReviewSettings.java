package org.yaraguard.review;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaraguard.engine.findings.FindingsRotation;
import org.yaraguard.engine.findings.SyslogCopy;

/**
 * Where the review reads and writes, and how it releases.
 *
 * @param quarantineDir  the quarantine folder ({@code yara-guard.quarantine.dir})
 * @param findingsLog    the findings log ({@code yara-guard.findings.log}), or null to record in the server log only
 * @param approvalDir    the approvals folder the hook reads ({@code yara-guard.approval.dir})
 * @param stowUrl        the archive's STOW-RS endpoint ({@code yara-guard.stow.url}), or null when release is off
 * @param approvalTtl    how long an unused approval stays valid ({@code yara-guard.approval.ttl}, default 1h)
 * @param retentionDays  purge entries older than this many days ({@code yara-guard.retention.days}); 0 = never
 * @param rotation       how the findings log rotates, as the server rotates it ({@code yara-guard.findings.max.bytes},
 *                       {@code yara-guard.findings.keep})
 * @param syslog         the findings log's syslog copy ({@code yara-guard.findings.syslog}), or null for none
 * @param audit          where review actions go as DICOM audit messages ({@code yara-guard.audit.*})
 */
public record ReviewSettings(Path quarantineDir, Path findingsLog, Path approvalDir, URI stowUrl,
        Duration approvalTtl, int retentionDays, FindingsRotation rotation, SyslogCopy syslog, ReviewAudit audit) {

    public static final String QUARANTINE_DIR = "yara-guard.quarantine.dir";
    public static final String FINDINGS_LOG = "yara-guard.findings.log";
    public static final String APPROVAL_DIR = "yara-guard.approval.dir";
    public static final String STOW_URL = "yara-guard.stow.url";
    public static final String APPROVAL_TTL = "yara-guard.approval.ttl";
    public static final String RETENTION_DAYS = "yara-guard.retention.days";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    /** Checks the values. */
    public ReviewSettings {
        if (quarantineDir == null) {
            throw new IllegalArgumentException("the quarantine folder is not configured (" + QUARANTINE_DIR + ")");
        }
        if (approvalTtl == null || approvalTtl.isNegative() || approvalTtl.isZero()) {
            approvalTtl = Duration.ofHours(1);
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException(RETENTION_DAYS + " cannot be negative");
        }
        if (stowUrl != null && !("http".equals(stowUrl.getScheme()) || "https".equals(stowUrl.getScheme()))) {
            throw new IllegalArgumentException(STOW_URL + " must be an http or https URL");
        }
        if (rotation == null) {
            rotation = FindingsRotation.DEFAULT;
        }
        if (audit == null) {
            audit = ReviewAudit.OFF;
        }
    }

    /** Settings that send no audit messages. */
    public ReviewSettings(Path quarantineDir, Path findingsLog, Path approvalDir, URI stowUrl, Duration approvalTtl,
            int retentionDays, FindingsRotation rotation, SyslogCopy syslog) {
        this(quarantineDir, findingsLog, approvalDir, stowUrl, approvalTtl, retentionDays, rotation, syslog,
                ReviewAudit.OFF);
    }

    /** Settings whose findings log rotates and is copied to syslog as this JVM's system properties say; no audit. */
    public ReviewSettings(Path quarantineDir, Path findingsLog, Path approvalDir, URI stowUrl, Duration approvalTtl,
            int retentionDays) {
        this(quarantineDir, findingsLog, approvalDir, stowUrl, approvalTtl, retentionDays,
                FindingsRotation.fromSystemProperties(), SyslogCopy.fromSystemProperties());
    }

    /** Settings from the given properties, with the contract's WildFly defaults. */
    public static ReviewSettings from(Properties p) {
        String quarantine = resolve(p, p.getProperty(QUARANTINE_DIR,
                "${jboss.server.data.dir}/yara-guard/quarantine"));
        String findings = resolve(p, p.getProperty(FINDINGS_LOG, "${jboss.server.log.dir}/yara-guard-findings.log"));
        String approvals = resolve(p, p.getProperty(APPROVAL_DIR, "${jboss.server.data.dir}/yara-guard/approvals"));
        String stow = p.getProperty(STOW_URL, "").strip();
        String ttl = p.getProperty(APPROVAL_TTL, "1h");
        String retention = p.getProperty(RETENTION_DAYS, "0").strip();
        Path quarantinePath = quarantine == null ? null : Path.of(quarantine);
        return new ReviewSettings(quarantinePath, findings == null ? null : Path.of(findings),
                approvals != null ? Path.of(approvals)
                        : quarantinePath == null ? null : quarantinePath.resolveSibling("approvals"),
                stow.isEmpty() ? null : URI.create(stow), TimeSpec.duration(ttl), Integer.parseInt(retention),
                FindingsRotation.from(p::getProperty), SyslogCopy.parse(p.getProperty(SyslogCopy.TARGET)),
                ReviewAudit.from(p));
    }

    /** Settings from the system properties. */
    public static ReviewSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    /** The same settings with other folders and log (null keeps the current value). */
    public ReviewSettings with(Path quarantine, Path findings, Path approvals, URI stow) {
        return new ReviewSettings(quarantine != null ? quarantine : quarantineDir,
                findings != null ? findings : findingsLog, approvals != null ? approvals : approvalDir,
                stow != null ? stow : stowUrl, approvalTtl, retentionDays, rotation, syslog, audit);
    }

    /** The same settings sending review actions to {@code audit}. */
    public ReviewSettings withAudit(ReviewAudit audit) {
        return new ReviewSettings(quarantineDir, findingsLog, approvalDir, stowUrl, approvalTtl, retentionDays,
                rotation, syslog, audit);
    }

    /** Replaces {@code ${name}} with the property's value; null when one is not set. */
    private static String resolve(Properties p, String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = p.getProperty(m.group(1));
            if (replacement == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
