package org.yaraguard.hunt;

/**
 * A token bucket over bytes read, shared by all hunting threads, so that the archive's own I/O keeps its pace:
 * over any stretch of time no more than {@code rate × seconds + burst} bytes pass. Bytes are charged after they are
 * read; a read that overdraws the bucket makes its thread wait until the debt is paid (the wait is taken outside the
 * lock: other threads are charged meanwhile and queue behind it). Thread-safe.
 */
public final class Throttle {

    /** Time as the throttle sees it; replaced by a fake clock in tests. */
    public interface Ticker {
        long nanos();

        void sleepNanos(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    private static final long NANOS = 1_000_000_000L;

    private final long bytesPerSecond;
    private final long burst;
    private final Ticker ticker;
    private double tokens;
    private long refilledAt;

    /**
     * @param bytesPerSecond the sustained rate; 0 or less means unlimited
     * @param burst          bytes that may pass at once after an idle spell (the bucket's size)
     */
    public Throttle(long bytesPerSecond, long burst, Ticker ticker) {
        this.bytesPerSecond = bytesPerSecond;
        this.burst = Math.max(1, burst);
        this.ticker = ticker;
        this.tokens = this.burst;
        this.refilledAt = ticker.nanos();
    }

    /** {@code mibPerSecond} MiB/s with a burst of a quarter second's worth (at least one 64 KiB read); 0: unlimited. */
    public static Throttle mibPerSecond(double mibPerSecond) {
        long rate = (long) (mibPerSecond * 1024 * 1024);
        return new Throttle(rate, Math.max(64 * 1024, rate / 4), Ticker.SYSTEM);
    }

    public static Throttle unlimited() {
        return new Throttle(0, 1, Ticker.SYSTEM);
    }

    public boolean limited() {
        return bytesPerSecond > 0;
    }

    /** Charges {@code bytes} just read, waiting as long as the bucket is overdrawn. */
    public void charge(long bytes) throws InterruptedException {
        if (!limited() || bytes <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            refill();
            tokens -= bytes;
            wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS / bytesPerSecond);
        }
        if (wait > 0) {
            ticker.sleepNanos(wait);
        }
    }

    private void refill() {
        long now = ticker.nanos();
        tokens = Math.min(burst, tokens + (double) (now - refilledAt) * bytesPerSecond / NANOS);
        refilledAt = now;
    }
}
