package org.yaraguard.interceptor.guard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Policy;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.scan.TroubleActions;

/**
 * Every {@code yara-guard.*} system property, read and validated in one place. Folder defaults lie under WildFly's
 * own server folders ({@code jboss.server.config.dir} …). All errors are collected and reported together.
 * {@code maxObjectBytes} is the configured limit, where the spool stops reading; {@code limits} caps it at what one
 * buffer can scan, so an object between the two is spooled whole, refused as too large and still quarantined.
 */
public record GuardSettings(Path rulesDir, Path quarantineDir, Path spoolDir, Path findingsLog, Policy policy,
        ModeMap modes, int rejectStatus, ScanLimits limits, long spoolMemoryBytes, TroubleActions troubleActions,
        StartupPolicy startupPolicy, Duration rulesPollInterval, Path approvalDir, long maxObjectBytes) {

    public static final String PREFIX = "yara-guard.";
    static final String RULES_DIR = PREFIX + "rules.dir";
    static final String QUARANTINE_DIR = PREFIX + "quarantine.dir";
    static final String SPOOL_DIR = PREFIX + "spool.dir";
    static final String FINDINGS_LOG = PREFIX + "findings.log";
    static final String DEFAULT_ACTION = PREFIX + "default.action";
    static final String POLICY = PREFIX + "policy";
    static final String MODE = PREFIX + "mode";
    static final String MODE_AET = PREFIX + "mode.aet";
    static final String MODE_HOST = PREFIX + "mode.host";
    static final String REJECT_STATUS = PREFIX + "reject.status";
    static final String SCAN_TIMEOUT = PREFIX + "scan.timeout";
    static final String MAX_OBJECT_BYTES = PREFIX + "max.object.bytes";
    static final String SPOOL_MEMORY_BYTES = PREFIX + "spool.memory.bytes";
    static final String ON_TIMEOUT = PREFIX + "on.timeout";
    static final String ON_TOO_LARGE = PREFIX + "on.too.large";
    static final String ON_ANOMALY = PREFIX + "on.anomaly";
    static final String ON_ERROR = PREFIX + "on.error";
    static final String ON_INCOMPLETE = PREFIX + "on.incomplete";
    static final String STARTUP_POLICY = PREFIX + "startup.policy";
    static final String RULES_POLL = PREFIX + "rules.poll.seconds";
    static final String APPROVAL_DIR = PREFIX + "approval.dir";

    /** Reads the settings from system properties. */
    public static GuardSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /**
     * Reads the settings through {@code lookup} (property name → value or null).
     *
     * @throws IllegalArgumentException naming every property that is wrong, and why
     */
    public static GuardSettings from(Function<String, String> lookup) {
        Reader reader = new Reader(lookup);
        Path rules = reader.path(RULES_DIR, "jboss.server.config.dir", "yara-guard/rules");
        Path quarantine = reader.path(QUARANTINE_DIR, "jboss.server.data.dir", "yara-guard/quarantine");
        Path spool = reader.path(SPOOL_DIR, "jboss.server.temp.dir", "yara-guard/spool");
        Path findings = reader.path(FINDINGS_LOG, "jboss.server.log.dir", "yara-guard-findings.log");
        Path approvals = reader.path(APPROVAL_DIR, "jboss.server.data.dir", "yara-guard/approvals");
        Action defaultAction = reader.action(DEFAULT_ACTION, Action.REJECT);
        Policy policy = reader.parse(POLICY, "", spec -> Policy.parse(spec, defaultAction == null ? Action.REJECT
                : defaultAction));
        Mode mode = reader.parse(MODE, "enforce", Mode::parse);
        Map<String, Mode> byAet = reader.parse(MODE_AET, "", spec -> ModeMap.parseEntries(MODE_AET, spec));
        Map<String, Mode> byHost = reader.parse(MODE_HOST, "", spec -> ModeMap.parseEntries(MODE_HOST, spec));
        Integer status = reader.parse(REJECT_STATUS, "0x0124", GuardSettings::parseStatus);
        Long timeout = reader.parse(SCAN_TIMEOUT, "10", text -> positive(Long.parseLong(text.trim())));
        Long maxBytes = reader.parse(MAX_OBJECT_BYTES, "4294967296", text -> positive(Long.parseLong(text.trim())));
        Long memory = reader.parse(SPOOL_MEMORY_BYTES, "8388608", text -> {
            long value = Long.parseLong(text.trim());
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("must be between 0 and " + Integer.MAX_VALUE);
            }
            return value;
        });
        StartupPolicy startup = reader.parse(STARTUP_POLICY, "fail-closed", StartupPolicy::parse);
        Action onTimeout = reader.action(ON_TIMEOUT, Action.REJECT);
        Action onTooLarge = reader.action(ON_TOO_LARGE, Action.REJECT);
        Action onAnomaly = reader.action(ON_ANOMALY, Action.LOG);
        Action onError = reader.action(ON_ERROR, Action.REJECT);
        Action onIncomplete = reader.action(ON_INCOMPLETE, Action.REJECT);
        Long poll = reader.parse(RULES_POLL, "2", text -> positive(Long.parseLong(text.trim())));
        reader.throwIfWrong();
        // One scan maps the object in one buffer: larger objects are "too large" whatever the setting says.
        long scannable = Math.min(maxBytes, ScanLimits.MAX_SCANNABLE_BYTES);
        Action onNoRules = startup == StartupPolicy.FAIL_CLOSED ? Action.REJECT : Action.LOG;
        return new GuardSettings(rules, quarantine, spool, findings, policy,
                new ModeMap(mode, byAet, byHost), status, new ScanLimits(Duration.ofSeconds(timeout), scannable),
                memory, new TroubleActions(onTimeout, onTooLarge, onError, onNoRules, onIncomplete, onAnomaly),
                startup,
                Duration.ofSeconds(poll), approvals, maxBytes);
    }

    private static long positive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }

    /** A DICOM failure status: hex (0x…) or decimal, 0x0001–0xFFFF, and not 0x0000 (success). */
    private static int parseStatus(String text) {
        String value = text.trim();
        int status = value.regionMatches(true, 0, "0x", 0, 2) ? Integer.parseInt(value.substring(2), 16)
                : Integer.parseInt(value);
        if (status <= 0 || status > 0xFFFF) {
            throw new IllegalArgumentException("must be a DICOM status between 0x0001 and 0xFFFF");
        }
        return status;
    }

    /** Collects every problem instead of stopping at the first. */
    private static final class Reader {
        private final Function<String, String> lookup;
        private final List<String> errors = new ArrayList<>();

        Reader(Function<String, String> lookup) {
            this.lookup = lookup;
        }

        <T> T parse(String name, String defaultValue, Function<String, T> parser) {
            String value = lookup.apply(name);
            String text = value == null || value.isBlank() ? defaultValue : value;
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                errors.add(name + "=\"" + text + "\": " + e.getMessage());
                return null;
            }
        }

        Action action(String name, Action defaultAction) {
            return parse(name, defaultAction.label(), Action::parse);
        }

        Path path(String name, String serverDirProperty, String below) {
            String value = lookup.apply(name);
            if (value != null && !value.isBlank()) {
                return Path.of(value.trim()).toAbsolutePath().normalize();
            }
            String serverDir = lookup.apply(serverDirProperty);
            if (serverDir == null || serverDir.isBlank()) {
                errors.add(name + " is not set and " + serverDirProperty + " (its default's base) is unknown");
                return null;
            }
            return Path.of(serverDir, below).toAbsolutePath().normalize();
        }

        void throwIfWrong() {
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid YARA Guard configuration: " + String.join("; ", errors));
            }
        }
    }
}
