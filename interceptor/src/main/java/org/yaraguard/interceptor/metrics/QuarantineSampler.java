package org.yaraguard.interceptor.metrics;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.QuarantineTally;

/**
 * How many entries the quarantine holds and how many bytes its files take, counted on a background thread at a fixed
 * period: reading the folder is never the store thread's work, and readers only see the last count.
 */
public final class QuarantineSampler implements AutoCloseable {

    private static final Logger LOG = System.getLogger("org.yaraguard");

    /** The last count: entries (objects kept) and bytes (objects and sidecars). */
    public record Count(long entries, long bytes) {
    }

    private final Path folder;
    private final ScheduledExecutorService timer;
    private volatile Count last = new Count(0, 0);
    private volatile boolean failureLogged;

    private QuarantineSampler(Path folder) {
        this.folder = folder;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "yara-guard-quarantine-tally");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Counts {@code folder} now (in the background) and then every {@code period}. */
    public static QuarantineSampler start(Path folder, Duration period) {
        QuarantineSampler tally = new QuarantineSampler(folder);
        tally.timer.scheduleWithFixedDelay(tally::recount, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return tally;
    }

    /** The last count (zeros until the first one ends). */
    public Count last() {
        return last;
    }

    /** Counts the folder once, on the calling thread. */
    void recount() {
        try {
            last = count(folder);
        } catch (IOException | RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(Level.WARNING, "YARA Guard cannot count the quarantine for its metrics: {0}", e.toString());
            }
        }
    }

    /** Counted as the status file counts it (study folders and their files only, links not followed). */
    static Count count(Path folder) throws IOException {
        GuardStatus.QuarantineUsage usage = QuarantineTally.count(folder, Instant.EPOCH);
        return new Count(usage.entries(), usage.bytes());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
