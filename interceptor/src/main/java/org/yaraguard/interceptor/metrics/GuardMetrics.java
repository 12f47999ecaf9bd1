package org.yaraguard.interceptor.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.Setting;

/**
 * Starts the metrics observer when {@code yara-guard.metrics.enabled} (default true) and the server has WildFly's
 * Micrometer registry, and otherwise says once, at INFO, that metrics are off and why. This class names no Micrometer type: it loads and runs where the optional io.micrometer
 * module is absent, and only then reaches for {@link ServerRegistry}.
 */
public final class GuardMetrics {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    /** How often the quarantine folder is counted. */
    static final Duration QUARANTINE_COUNT_PERIOD = Duration.ofMinutes(1);

    private GuardMetrics() {
    }

    /**
     * The metrics observer of this deployment, or empty when metrics are switched off or there is no registry.
     *
     * @param outbox the audit outbox whose delivery is counted, or null when there is none (one without a
     *               configured repository gets no audit meters)
     * @param lookup the {@code yara-guard.*} settings ({@link Schema#METRICS_ENABLED})
     */
    public static Optional<GuardObserver> start(Path quarantineFolder, AuditOutbox outbox,
            Function<String, String> lookup) {
        if (!enabled(lookup)) {
            LOG.log(Level.INFO, "YARA Guard metrics are off: " + Schema.METRICS_ENABLED + "=false");
            return Optional.empty();
        }
        if (!micrometerVisible()) {
            LOG.log(Level.INFO, "YARA Guard metrics are off: WildFly's io.micrometer module is not installed");
            return Optional.empty();
        }
        Optional<GuardObserver> observer = ServerRegistry.observer(quarantineFolder, QUARANTINE_COUNT_PERIOD, outbox);
        observer.ifPresent(o -> LOG.log(Level.INFO, "YARA Guard metrics go to WildFly's Micrometer registry"
                + " (yara_guard_*)"));
        return observer;
    }

    /** The switch; a wrong value is an ERROR and counts as on (the default): metrics never stop the hook. */
    static boolean enabled(Function<String, String> lookup) {
        Setting setting = Schema.get(Schema.METRICS_ENABLED);
        String value = lookup.apply(Schema.METRICS_ENABLED);
        String text = value == null || value.isBlank() ? setting.defaultValue() : value.strip();
        try {
            setting.check(text);
            return Boolean.parseBoolean(text);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "YARA Guard setting {0}: {1}; metrics stay on", Schema.METRICS_ENABLED,
                    e.getMessage());
            return true;
        }
    }

    /** Whether Micrometer's API can be loaded from this module (without initialising anything of it). */
    static boolean micrometerVisible() {
        try {
            Class.forName(MICROMETER, false, GuardMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
