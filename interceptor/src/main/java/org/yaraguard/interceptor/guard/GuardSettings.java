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
import org.yaraguard.settings.Expressions;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.Setting;
import org.yaraguard.settings.Values;

/**
 * The hook's {@code yara-guard.*} system properties, read through the settings {@link Schema} (the one source of
 * names, defaults and value checks). Folder defaults lie under WildFly's own server folders
 * ({@code jboss.server.config.dir} …). All errors are collected and reported together.
 * {@code maxObjectBytes} is the configured limit, where the spool stops reading; {@code limits} caps it at what one
 * buffer can scan, so an object between the two is spooled whole, refused as too large and still quarantined.
 * {@code rulesCacheDir} is where compiled rules are kept between starts: {@link #RULES_CACHE} under WildFly's data
 * folder, not a setting (no one but the engine writes there), and null when that folder is unknown.
 */
public record GuardSettings(Path rulesDir, Path quarantineDir, Path spoolDir, Path findingsLog, Policy policy,
        ModeMap modes, int rejectStatus, ScanLimits limits, long spoolMemoryBytes, TroubleActions troubleActions,
        StartupPolicy startupPolicy, Duration rulesPollInterval, Path approvalDir, long maxObjectBytes,
        Path rulesCacheDir) {

    public static final String PREFIX = Schema.PREFIX;
    /** The compiled-rules cache: private to the server's user, so never a folder an administrator points elsewhere. */
    static final String RULES_CACHE = "${jboss.server.data.dir}/yara-guard/rules-cache";

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
        Path rules = reader.path(Schema.RULES_DIR);
        Path quarantine = reader.path(Schema.QUARANTINE_DIR);
        Path spool = reader.path(Schema.SPOOL_DIR);
        Path findings = reader.path(Schema.FINDINGS_LOG);
        Path approvals = reader.path(Schema.APPROVAL_DIR);
        Action defaultAction = reader.action(Schema.DEFAULT_ACTION);
        Policy policy = reader.parse(Schema.POLICY, spec -> Policy.parse(spec, defaultAction == null ? Action.REJECT
                : defaultAction));
        Mode mode = reader.parse(Schema.MODE, Mode::parse);
        Map<String, Mode> byAet = reader.parse(Schema.MODE_AET, ModeMap::parseEntries);
        Map<String, Mode> byHost = reader.parse(Schema.MODE_HOST, ModeMap::parseEntries);
        Integer status = reader.parse(Schema.REJECT_STATUS, Values::status);
        Long timeout = reader.number(Schema.SCAN_TIMEOUT);
        Long maxBytes = reader.bytes(Schema.MAX_OBJECT_BYTES);
        Long memory = reader.bytes(Schema.SPOOL_MEMORY_BYTES);
        StartupPolicy startup = reader.parse(Schema.STARTUP_POLICY, StartupPolicy::parse);
        Action onTimeout = reader.action(Schema.ON_TIMEOUT);
        Action onTooLarge = reader.action(Schema.ON_TOO_LARGE);
        Action onAnomaly = reader.action(Schema.ON_ANOMALY);
        Action onError = reader.action(Schema.ON_ERROR);
        Action onIncomplete = reader.action(Schema.ON_INCOMPLETE);
        Long poll = reader.number(Schema.RULES_POLL);
        reader.throwIfWrong();
        // One scan maps the object in one buffer: larger objects are "too large" whatever the setting says.
        long scannable = Math.min(maxBytes, ScanLimits.MAX_SCANNABLE_BYTES);
        Action onNoRules = startup == StartupPolicy.FAIL_CLOSED ? Action.REJECT : Action.LOG;
        return new GuardSettings(rules, quarantine, spool, findings, policy,
                new ModeMap(mode, byAet, byHost), status, new ScanLimits(Duration.ofSeconds(timeout), scannable),
                memory, new TroubleActions(onTimeout, onTooLarge, onError, onNoRules, onIncomplete, onAnomaly),
                startup,
                Duration.ofSeconds(poll), approvals, maxBytes, rulesCache(lookup));
    }

    private static Path rulesCache(Function<String, String> lookup) {
        Expressions.Resolved resolved = Expressions.resolve(RULES_CACHE, lookup);
        return resolved.complete() ? Path.of(resolved.value()).toAbsolutePath().normalize() : null;
    }

    /** Reads through the schema's names and defaults, collecting every problem instead of stopping at the first. */
    private static final class Reader {
        private final Function<String, String> lookup;
        private final List<String> errors = new ArrayList<>();

        Reader(Function<String, String> lookup) {
            this.lookup = lookup;
        }

        /** The value in effect (blank means the default), checked by the schema and then parsed. */
        <T> T parse(String name, Function<String, T> parser) {
            Setting setting = Schema.get(name);
            String value = lookup.apply(name);
            String text = value == null || value.isBlank() ? setting.defaultValue() : value;
            try {
                setting.check(text);
                return parser.apply(text);
            } catch (RuntimeException e) {
                errors.add(name + ": " + (setting.secret() ? "invalid value" : e.getMessage()));
                return null;
            }
        }

        Action action(String name) {
            return parse(name, Action::parse);
        }

        Long number(String name) {
            Setting setting = Schema.get(name);
            return parse(name, text -> Values.integer(text, setting.min(), setting.max()));
        }

        Long bytes(String name) {
            Setting setting = Schema.get(name);
            return parse(name, text -> Values.bytes(text, setting.min(), setting.max()));
        }

        /** A configured path, else the default under a WildFly server folder ({@code jboss.server.data.dir} …). */
        Path path(String name) {
            String value = lookup.apply(name);
            if (value != null && !value.isBlank()) {
                return Path.of(value.trim()).toAbsolutePath().normalize();
            }
            Expressions.Resolved resolved = Expressions.resolve(Schema.get(name).defaultValue(), lookup);
            if (!resolved.complete()) {
                errors.add(name + " is not set and " + String.join(", ", resolved.unresolved())
                        + " (its default's base) is unknown");
                return null;
            }
            return Path.of(resolved.value()).toAbsolutePath().normalize();
        }

        void throwIfWrong() {
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid YARA Guard configuration: " + String.join("; ", errors));
            }
        }
    }
}
