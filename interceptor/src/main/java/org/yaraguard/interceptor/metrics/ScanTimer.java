package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time the hook spends judging one object: count and sum as a function timer, median and 99th percentile of the
 * last one to two minutes (when scraped at least once a minute) as gauges. WildFly hands a deployment a registry that
 * takes meters only through its name-and-tags methods (a timer built with percentiles would stay inside it, never
 * scraped), and Micrometer's percentile timer costs more per object than everything else here: the values live in a
 * {@link LatencyWindow}.
 */
final class ScanTimer {

    static final String NAME = "yara.guard.scan";
    static final String QUANTILE_NAME = "yara.guard.scan.seconds.quantile";
    static final double[] QUANTILES = {0.5, 0.99};
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final LatencyWindow window = new LatencyWindow(WINDOW.toNanos(), System.nanoTime());

    ScanTimer(MeterRegistry registry) {
        registry.more().timer(NAME, Tags.empty(), window, LatencyWindow::count, w -> w.totalNanos(),
                TimeUnit.NANOSECONDS);
        for (double quantile : QUANTILES) {
            registry.gauge(QUANTILE_NAME, Tags.of("quantile", Double.toString(quantile)), window,
                    w -> w.quantileNanos(quantile, System.nanoTime()) / 1e9);
        }
    }

    void record(long nanos) {
        window.record(nanos);
    }
}
