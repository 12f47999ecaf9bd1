package org.yaraguard.interceptor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private static final long PERIOD = 60_000_000_000L;

    @Test
    void bucketsHoldTheirValuesWithinAQuarterOfTheirSize() {
        for (long value : new long[] {1, 2, 3, 4, 5, 7, 8, 1000, 999_999, 1_000_000, 2_500_000_000L, Long.MAX_VALUE}) {
            int bucket = LatencyWindow.bucket(value);
            assertThat(LatencyWindow.upperBound(bucket)).as("value %d", value).isGreaterThanOrEqualTo(value)
                    .isLessThanOrEqualTo(value * 1.25 + 1);
            if (bucket > 0) {
                assertThat(LatencyWindow.upperBound(bucket - 1)).as("value %d", value).isLessThan(value);
            }
        }
    }

    @Test
    void quantilesCountAndSum() {
        LatencyWindow window = new LatencyWindow(PERIOD, 0);
        for (int i = 1; i <= 100; i++) {
            window.record(i * 1_000_000L);
        }
        assertThat(window.count()).isEqualTo(100);
        assertThat(window.totalNanos()).isEqualTo(5_050_000_000L);
        assertThat(window.quantileNanos(0.5, 0)).isBetween(50e6, 50e6 * 1.25);
        assertThat(window.quantileNanos(0.99, 0)).isBetween(99e6, 99e6 * 1.25);
    }

    @Test
    void quantilesCoverTheLastTwoPeriodsButCountsEverything() {
        LatencyWindow window = new LatencyWindow(PERIOD, 0);
        window.record(5_000_000_000L);
        assertThat(window.quantileNanos(0.99, PERIOD / 2)).as("same period").isGreaterThan(4e9);
        assertThat(window.quantileNanos(0.99, PERIOD + 1)).as("the period turned: still seen").isGreaterThan(4e9);
        window.record(1_000_000L);
        assertThat(window.quantileNanos(0.99, 2 * PERIOD + 2)).as("two periods on: forgotten").isLessThan(2e6);
        assertThat(window.quantileNanos(0.5, 10 * PERIOD)).as("nothing recorded since the last turn").isNaN();
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.totalNanos()).isEqualTo(5_001_000_000L);
    }
}
