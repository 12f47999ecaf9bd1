package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The time the hook spends judging one object, with its median and 99th percentile over the last minutes.
 * WildFly hands a deployment a registry that takes meters only through its name-and-tags methods: a timer built with
 * percentiles would stay inside it, never scraped. So the timer lives in a private registry, and WildFly's gets its
 * count and sum as a function timer and the two percentiles as gauges.
 */
final class ScanTimer {

    static final String NAME = "yara.guard.scan";
    static final String QUANTILE_NAME = "yara.guard.scan.seconds.quantile";
    static final double[] QUANTILES = {0.5, 0.99};

    private final Timer timer;

    ScanTimer(MeterRegistry registry) {
        timer = Timer.builder(NAME).publishPercentiles(QUANTILES).register(new SimpleMeterRegistry());
        registry.more().timer(NAME, Tags.empty(), timer, Timer::count, t -> t.totalTime(TimeUnit.NANOSECONDS),
                TimeUnit.NANOSECONDS);
        for (double quantile : QUANTILES) {
            registry.gauge(QUANTILE_NAME, Tags.of("quantile", Double.toString(quantile)), timer,
                    t -> seconds(t, quantile));
        }
    }

    void record(long nanos) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static double seconds(Timer timer, double quantile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == quantile) {
                return value.value(TimeUnit.SECONDS);
            }
        }
        return Double.NaN;
    }
}
