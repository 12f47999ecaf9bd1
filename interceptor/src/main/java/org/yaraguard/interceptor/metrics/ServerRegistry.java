package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.interceptor.guard.GuardObserver;

/**
 * The registry WildFly's micrometer subsystem gives each CDI deployment (a {@code @Singleton MeterRegistry} bean whose
 * meters the subsystem's registries — Prometheus, OTLP — publish), found through the deployment's container while it
 * starts. Loaded only when Micrometer is present (see {@link GuardMetrics}).
 */
final class ServerRegistry {

    private static final Logger LOG = System.getLogger("org.yaraguard");

    private ServerRegistry() {
    }

    /** The observer, or empty after one INFO line saying why there is no registry to publish to. */
    static Optional<GuardObserver> observer(Path quarantineFolder, Duration countPeriod, AuditOutbox outbox) {
        Optional<MeterRegistry> registry = lookup();
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        // Without an audit repository there is no delivery to count: "unreachable" would only raise false alarms.
        boolean audited = outbox != null && outbox.state().configured();
        return Optional.of(new MetricsObserver(registry.get(), QuarantineSampler.start(quarantineFolder, countPeriod),
                audited ? outbox::state : null));
    }

    private static Optional<MeterRegistry> lookup() {
        String why;
        try {
            Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
            // The same registry may be offered more than once (an EAR's modules): any of them will do.
            Optional<MeterRegistry> registry = registries.stream().findFirst();
            if (registry.isPresent()) {
                return registry;
            }
            why = "no MeterRegistry bean in this deployment";
        } catch (RuntimeException e) {
            why = e.toString();
        }
        LOG.log(Level.INFO, "YARA Guard metrics are off: no Micrometer registry ({0}); is WildFly''s micrometer"
                + " subsystem configured?", why);
        return Optional.empty();
    }
}
