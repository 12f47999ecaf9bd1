package org.yaraguard.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code yara-guard.*} name the hook, the console and the command line read, with its kind and default: the
 * one list of names in the code (the README's configuration table is the one list for people).
 */
public final class Schema {

    public static final String PREFIX = "yara-guard.";

    public static final String RULES_DIR = PREFIX + "rules.dir";
    public static final String RULES_POLL = PREFIX + "rules.poll.seconds";
    public static final String QUARANTINE_DIR = PREFIX + "quarantine.dir";
    public static final String SPOOL_DIR = PREFIX + "spool.dir";
    public static final String SPOOL_MEMORY_BYTES = PREFIX + "spool.memory.bytes";
    public static final String FINDINGS_LOG = PREFIX + "findings.log";
    public static final String FINDINGS_MAX_BYTES = PREFIX + "findings.max.bytes";
    public static final String FINDINGS_KEEP = PREFIX + "findings.keep";
    public static final String FINDINGS_SYSLOG = PREFIX + "findings.syslog";
    public static final String DEFAULT_ACTION = PREFIX + "default.action";
    public static final String POLICY = PREFIX + "policy";
    public static final String MODE = PREFIX + "mode";
    public static final String MODE_AET = PREFIX + "mode.aet";
    public static final String MODE_HOST = PREFIX + "mode.host";
    public static final String REJECT_STATUS = PREFIX + "reject.status";
    public static final String SCAN_TIMEOUT = PREFIX + "scan.timeout";
    public static final String MAX_OBJECT_BYTES = PREFIX + "max.object.bytes";
    public static final String ON_TIMEOUT = PREFIX + "on.timeout";
    public static final String ON_TOO_LARGE = PREFIX + "on.too.large";
    public static final String ON_ANOMALY = PREFIX + "on.anomaly";
    public static final String ON_ERROR = PREFIX + "on.error";
    public static final String ON_INCOMPLETE = PREFIX + "on.incomplete";
    public static final String STARTUP_POLICY = PREFIX + "startup.policy";
    public static final String APPROVAL_DIR = PREFIX + "approval.dir";
    public static final String APPROVAL_TTL = PREFIX + "approval.ttl";
    public static final String STOW_URL = PREFIX + "stow.url";
    public static final String STOW_TOKEN_URL = PREFIX + "stow.token.url";
    public static final String STOW_CLIENT_ID = PREFIX + "stow.client.id";
    public static final String STOW_CLIENT_SECRET = PREFIX + "stow.client.secret";
    public static final String RETENTION_DAYS = PREFIX + "retention.days";
    public static final String HUNT_REPORTS_DIR = PREFIX + "hunt.reports.dir";
    public static final String HUNT_DICOMWEB_URL = PREFIX + "hunt.dicomweb.url";
    public static final String HUNT_DICOMWEB_TIMEOUT = PREFIX + "hunt.dicomweb.timeout";
    public static final String METRICS_ENABLED = PREFIX + "metrics.enabled";
    public static final String AUDIT_SOURCE_ID = PREFIX + "audit.source.id";
    public static final String AUDIT_ENTERPRISE_SITE = PREFIX + "audit.enterprise.site";
    public static final String AUDIT_PATIENT_NAME = PREFIX + "audit.patient.name";
    public static final String AUDIT_REPOSITORY = PREFIX + "audit.repository";
    public static final String AUDIT_SPOOL_DIR = PREFIX + "audit.spool.dir";
    public static final String AUDIT_SPOOL_MAX_BYTES = PREFIX + "audit.spool.max.bytes";
    public static final String AUDIT_TLS_TRUSTSTORE = PREFIX + "audit.tls.truststore";
    public static final String AUDIT_TLS_TRUSTSTORE_PASSWORD = PREFIX + "audit.tls.truststore.password";
    public static final String AUDIT_TLS_KEYSTORE = PREFIX + "audit.tls.keystore";
    public static final String AUDIT_TLS_KEYSTORE_PASSWORD = PREFIX + "audit.tls.keystore.password";

    private static final Map<String, Setting> SETTINGS = index(List.of(
            new Setting(RULES_DIR, Kind.FOLDER, "${jboss.server.config.dir}/yara-guard/rules", "rules folder"),
            new Setting(RULES_POLL, Kind.INTEGER, "2", "seconds between checks of the rules folder", 1,
                    Integer.MAX_VALUE),
            new Setting(QUARANTINE_DIR, Kind.WRITABLE_FOLDER, "${jboss.server.data.dir}/yara-guard/quarantine",
                    "refused objects and their sidecars"),
            new Setting(SPOOL_DIR, Kind.WRITABLE_FOLDER, "${jboss.server.temp.dir}/yara-guard/spool",
                    "spool files of large objects"),
            new Setting(SPOOL_MEMORY_BYTES, Kind.BYTES, "8388608", "objects up to this size stay in memory", 0,
                    Integer.MAX_VALUE),
            new Setting(FINDINGS_LOG, Kind.WRITABLE_FILE, "${jboss.server.log.dir}/yara-guard-findings.log",
                    "findings log (JSON lines)"),
            new Setting(FINDINGS_MAX_BYTES, Kind.INTEGER, "52428800", "size at which the findings log rotates (0: never)",
                    0, Long.MAX_VALUE),
            new Setting(FINDINGS_KEEP, Kind.INTEGER, "10", "rotated findings files kept", 1, Integer.MAX_VALUE),
            new Setting(FINDINGS_SYSLOG, Kind.TEXT, "", "host:port of a syslog collector sent a copy of each line"),
            new Setting(DEFAULT_ACTION, Kind.ACTION, "reject", "action of a match with no meta and no mapping"),
            new Setting(POLICY, Kind.POLICY, "", "rule:GLOB=A,tag:GLOB=A,namespace:GLOB=A mappings"),
            new Setting(MODE, Kind.MODE, "enforce", "enforce or monitor"),
            new Setting(MODE_AET, Kind.MODE_MAP, "", "mode per calling AE title"),
            new Setting(MODE_HOST, Kind.MODE_MAP, "", "mode per sender host"),
            new Setting(REJECT_STATUS, Kind.STATUS, "0x0124", "DICOM status of a refusal"),
            new Setting(SCAN_TIMEOUT, Kind.INTEGER, "10", "seconds for all YARA passes over one object", 1,
                    Integer.MAX_VALUE),
            new Setting(MAX_OBJECT_BYTES, Kind.BYTES, "4294967296", "largest object the spool reads", 1,
                    Long.MAX_VALUE),
            new Setting(ON_TIMEOUT, Kind.ACTION, "reject", "action when a scan runs out of time"),
            new Setting(ON_TOO_LARGE, Kind.ACTION, "reject", "action for an object over the size limit"),
            new Setting(ON_ANOMALY, Kind.ACTION, "log", "action for benign structural anomalies"),
            new Setting(ON_ERROR, Kind.ACTION, "reject", "action when libyara fails during a scan"),
            new Setting(ON_INCOMPLETE, Kind.ACTION, "reject", "action when some bytes could not be inspected"),
            new Setting(STARTUP_POLICY, Kind.STARTUP_POLICY, "fail-closed", "stores while no rule set is loaded"),
            new Setting(APPROVAL_DIR, Kind.WRITABLE_FOLDER, "${jboss.server.data.dir}/yara-guard/approvals",
                    "one-time release approvals"),
            new Setting(APPROVAL_TTL, Kind.DURATION, "1h", "how long an unused release approval stays valid"),
            new Setting(STOW_URL, Kind.URL, "", "the archive's STOW-RS URL for releases"),
            new Setting(STOW_TOKEN_URL, Kind.URL, "", "Keycloak token endpoint for releases"),
            new Setting(STOW_CLIENT_ID, Kind.TEXT, "", "confidential client for releases"),
            new Setting(STOW_CLIENT_SECRET, Kind.SECRET, "", "its secret"),
            new Setting(RETENTION_DAYS, Kind.INTEGER, "0", "days before the console purges an entry (0: never)", 0,
                    36500),
            new Setting(HUNT_REPORTS_DIR, Kind.WRITABLE_FOLDER, "${jboss.server.data.dir}/yara-guard/hunts",
                    "retro-hunt report folders the console shows"),
            new Setting(HUNT_DICOMWEB_URL, Kind.URL, "", "the archive's REST base a DICOMweb hunt goes through"
                    + " (blank: the STOW-RS URL without /studies)"),
            new Setting(HUNT_DICOMWEB_TIMEOUT, Kind.INTEGER, "120", "seconds for one DICOMweb request of a hunt", 1,
                    Integer.MAX_VALUE),
            new Setting(METRICS_ENABLED, Kind.BOOLEAN, "true", "meters in WildFly's Micrometer registry"),
            new Setting(AUDIT_SOURCE_ID, Kind.TEXT, "", "AuditSourceID of audit messages (blank: the host name)"),
            new Setting(AUDIT_ENTERPRISE_SITE, Kind.TEXT, "", "AuditEnterpriseSiteID of audit messages"),
            new Setting(AUDIT_PATIENT_NAME, Kind.BOOLEAN, "false", "whether audit messages name the patient"),
            new Setting(AUDIT_REPOSITORY, Kind.SYSLOG, "", "tls://host:port or udp://host:port of the Audit Record"
                    + " Repository"),
            new Setting(AUDIT_SPOOL_DIR, Kind.WRITABLE_FOLDER, "${jboss.server.data.dir}/yara-guard/audit-spool",
                    "audit messages waiting for the repository"),
            new Setting(AUDIT_SPOOL_MAX_BYTES, Kind.BYTES, "67108864", "most bytes the audit spool holds", 1,
                    Long.MAX_VALUE),
            new Setting(AUDIT_TLS_TRUSTSTORE, Kind.TEXT, "", "trust store for the repository (else the JVM's)"),
            new Setting(AUDIT_TLS_TRUSTSTORE_PASSWORD, Kind.SECRET, "", "its password"),
            new Setting(AUDIT_TLS_KEYSTORE, Kind.TEXT, "", "client key store for mutual TLS"),
            new Setting(AUDIT_TLS_KEYSTORE_PASSWORD, Kind.SECRET, "", "its password")));

    private Schema() {
    }

    public static List<Setting> settings() {
        return List.copyOf(SETTINGS.values());
    }

    public static Optional<Setting> find(String name) {
        return Optional.ofNullable(SETTINGS.get(name));
    }

    /** The setting called {@code name}; for names from this class only. */
    public static Setting get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no setting " + name));
    }

    /** The known name nearest to a typo, if one is near enough. */
    public static Optional<String> nearest(String unknown) {
        return DidYouMean.nearest(unknown, SETTINGS.keySet());
    }

    private static Map<String, Setting> index(List<Setting> settings) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        settings.forEach(s -> byName.put(s.name(), s));
        return byName;
    }
}
