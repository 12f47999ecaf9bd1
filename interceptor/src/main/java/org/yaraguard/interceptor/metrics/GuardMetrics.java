package org.yaraguard.interceptor.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.interceptor.guard.GuardObserver;

/**
 * Starts the metrics observer when the server has WildFly's Micrometer registry, and otherwise says once, at INFO,
 * that metrics are off. This class names no Micrometer type: it loads and runs where the optional io.micrometer
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
     * The metrics observer of this deployment, or empty when there is no registry to publish to.
     *
     * @param outbox the audit outbox whose delivery is counted, or null when there is none (one without a
     *               configured repository gets no audit meters)
     */
    public static Optional<GuardObserver> start(Path quarantineFolder, AuditOutbox outbox) {
        if (!micrometerVisible()) {
            LOG.log(Level.INFO, "YARA Guard metrics are off: WildFly's io.micrometer module is not installed");
            return Optional.empty();
        }
        Optional<GuardObserver> observer = ServerRegistry.observer(quarantineFolder, QUARANTINE_COUNT_PERIOD, outbox);
        observer.ifPresent(o -> LOG.log(Level.INFO, "YARA Guard metrics go to WildFly's Micrometer registry"
                + " (yara_guard_*)"));
        return observer;
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
