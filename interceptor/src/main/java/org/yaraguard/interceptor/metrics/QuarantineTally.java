package org.yaraguard.interceptor.metrics;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.yaraguard.engine.quarantine.Quarantine;

/**
 * How many entries the quarantine holds and how many bytes its files take, counted on a background thread at a fixed
 * period: reading the folder is never the store thread's work, and readers only see the last count.
 */
public final class QuarantineTally implements AutoCloseable {

    private static final Logger LOG = System.getLogger("org.yaraguard");

    /** The last count: entries (objects kept) and bytes (objects and sidecars). */
    public record Count(long entries, long bytes) {
    }

    private final Path folder;
    private final ScheduledExecutorService timer;
    private volatile Count last = new Count(0, 0);
    private volatile boolean failureLogged;

    private QuarantineTally(Path folder) {
        this.folder = folder;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "yara-guard-quarantine-tally");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Counts {@code folder} now (in the background) and then every {@code period}. */
    public static QuarantineTally start(Path folder, Duration period) {
        QuarantineTally tally = new QuarantineTally(folder);
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

    /** Study folders and their files only, links not followed: the layout {@link Quarantine} writes. */
    static Count count(Path folder) throws IOException {
        long entries = 0;
        long bytes = 0;
        try (DirectoryStream<Path> studies = Files.newDirectoryStream(folder)) {
            for (Path study : studies) {
                if (!Files.isDirectory(study, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(study)) {
                    for (Path file : files) {
                        BasicFileAttributes attributes = attributesOrNull(file);
                        if (attributes != null && attributes.isRegularFile()) {
                            bytes += attributes.size();
                            if (file.getFileName().toString().endsWith(Quarantine.OBJECT_SUFFIX)) {
                                entries++;
                            }
                        }
                    }
                } catch (NoSuchFileException purgedMeanwhile) {
                    // a reviewer purged the study while we counted: it simply counts no more
                }
            }
        } catch (NoSuchFileException notYetCreated) {
            return new Count(0, 0);
        }
        return new Count(entries, bytes);
    }

    /** A file's attributes, or null when it went (purged, released) between listing and reading. */
    private static BasicFileAttributes attributesOrNull(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
