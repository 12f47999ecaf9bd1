package org.yaraguard.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    /** Time that passes only when the throttle sleeps (or the test says so). */
    static final class FakeTicker implements Throttle.Ticker {
        long now;
        long slept;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    static final long MIB = 1024 * 1024;

    @Test
    void bytesBeyondTheBurstCostTheirTimeAtTheRate() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        Throttle throttle = new Throttle(10 * MIB, MIB, ticker);

        for (int i = 0; i < 1000; i++) {
            throttle.charge(64 * 1024);
        }

        // 1000 × 64 KiB = 62.5 MiB; the first MiB is the burst, the rest passes at 10 MiB/s.
        double seconds = ticker.slept / 1e9;
        assertThat(seconds).isCloseTo((62.5 - 1) / 10, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void anIdleSpellRefillsNoMoreThanTheBurst() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        Throttle throttle = new Throttle(10 * MIB, MIB, ticker);
        throttle.charge(MIB);

        ticker.now += 60_000_000_000L;
        throttle.charge(MIB);
        assertThat(ticker.slept).isZero();
        throttle.charge(MIB);
        assertThat(ticker.slept).isEqualTo(100_000_000L);
    }

    @Test
    void timeSpentElsewhereCountsTowardsTheRate() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        Throttle throttle = new Throttle(10 * MIB, MIB, ticker);
        throttle.charge(MIB);

        // Scanning took as long as reading at the rate would: no waiting at all.
        for (int i = 0; i < 10; i++) {
            ticker.now += 100_000_000L;
            throttle.charge(MIB);
        }
        assertThat(ticker.slept).isZero();
    }

    @Test
    void unlimitedNeverWaits() throws InterruptedException {
        FakeTicker ticker = new FakeTicker();
        Throttle throttle = new Throttle(0, MIB, ticker);
        throttle.charge(Long.MAX_VALUE / 2);
        assertThat(ticker.slept).isZero();
    }
}
