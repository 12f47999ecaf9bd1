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

    static Optional<GuardObserver> observer(Path quarantineFolder, Duration countPeriod, AuditOutbox outbox) {
        return lookup().map(registry -> new MetricsObserver(registry,
                QuarantineTally.start(quarantineFolder, countPeriod), outbox == null ? null : outbox::state));
    }

    private static Optional<MeterRegistry> lookup() {
        try {
            Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
            return registries.isResolvable() ? Optional.of(registries.get()) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "YARA Guard found no CDI container to ask for a MeterRegistry: {0}", e.toString());
            return Optional.empty();
        }
    }
}
