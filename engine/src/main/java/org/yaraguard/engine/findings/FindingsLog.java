package org.yaraguard.engine.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.yaraguard.engine.quarantine.FolderOwner;
import org.yaraguard.engine.quarantine.Sidecar;

/**
 * The findings log: one JSON object per line, one line per non-clean verdict and per review action, for a SIEM to
 * ship. Lines are appended whole under a lock held both inside the JVM (threads, several instances on the same file,
 * and copies of the engine in other class loaders) and across processes (the server and the command line); a writer
 * waits for another process's lock a bounded time. The log rotates by size ({@link FindingsRotation}); each
 * written line may also go to a syslog collector ({@link SyslogCopy}). A line that cannot be written (e.g. a full
 * disk) never changes a verdict: it is reported as {@code false} and logged whole as an error.
 */
public final class FindingsLog {

    private static final Logger LOG = System.getLogger(FindingsLog.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<OpenOption> APPEND_OPTIONS =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    /**
     * Root (a review command) never appends through a symbolic link: the log's folder belongs to the server's user,
     * who could otherwise point the log at any file root can write.
     */
    private static final Set<OpenOption> ROOT_APPEND_OPTIONS = Set.of(StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
    /** Findings name patients: a new log file is readable by the server's user only. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** How long a line waits for the file lock before it is reported as not written. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final long MAX_PAUSE_MILLIS = 8;

    private final Path file;
    private final FindingsRotation rotation;
    private final SyslogCopy syslog;
    private final Clock clock;

    /** The log at {@code file}, rotated and copied to syslog as the system properties say. */
    public FindingsLog(Path file) {
        this(file, Clock.systemUTC());
    }

    /** The log at {@code file}, rotated and copied to syslog as the system properties say. */
    public FindingsLog(Path file, Clock clock) {
        this(file, FindingsRotation.fromSystemProperties(), SyslogCopy.fromSystemProperties(), clock);
    }

    public FindingsLog(Path file, FindingsRotation rotation, Clock clock) {
        this(file, rotation, null, clock);
    }

    /** The log at {@code file}; each written line is also sent to {@code syslog} unless that is null. */
    public FindingsLog(Path file, FindingsRotation rotation, SyslogCopy syslog, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.rotation = rotation;
        this.syslog = syslog;
        this.clock = clock;
    }

    /** The log file, absolute. */
    public Path file() {
        return file;
    }

    /**
     * Appends a verdict line: {@code at}, {@code event:"verdict"}, {@code quarantineId} (null when the object was not
     * quarantined) and the sidecar's fields without its review trail.
     */
    public boolean appendVerdict(Sidecar sidecar, String quarantineId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", clock.instant().toString());
        line.put("event", "verdict");
        line.put("quarantineId", quarantineId);
        ObjectNode fields = JSON.valueToTree(sidecar);
        fields.remove("review");
        line.setAll(fields);
        return append(line);
    }

    /** Appends a review line: {@code at}, {@code event} (release, purge, view, export, approval-used), id, user, reason. */
    public boolean appendReview(String event, String id, String user, String reason) {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", clock.instant().toString());
        line.put("event", event);
        line.put("id", id);
        line.put("user", user);
        line.put("reason", reason);
        return append(line);
    }

    /** Appends any JSON object as one line; returns false (and logs an error with the line) when it was not written. */
    public boolean append(ObjectNode line) {
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "YARA Guard cannot serialise a findings line: {0}", e.toString());
            return false;
        }
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (jvmWideLock(file)) {
            try {
                if (write(bytes)) {
                    if (syslog != null) {
                        syslog.send(line.path("event").asText(), text, clock.instant());
                    }
                    return true;
                }
                lost(text, "its lock stayed held by another writer for " + LOCK_WAIT.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lost(text, "interrupted while waiting for its lock");
            } catch (IOException | RuntimeException e) {
                lost(text, e.toString());
            }
        }
        return false;
    }

    /**
     * The monitor for {@code file} that every writer of this JVM shares, in every class loader: an interned string is
     * one object JVM-wide. The file lock alone is per process, so within the JVM only the JDK's table of channel locks
     * kept two engine copies apart, and two rotations of one log once overlapped under it (a copy's ".rotating" file
     * deleted by the other's rotation, FindingsLogClassLoadersTest); a writer holding this monitor does bounded work
     * (its file-lock wait is bounded).
     */
    private static Object jvmWideLock(Path file) {
        return ("org.yaraguard.engine.findings.FindingsLog#" + file.toAbsolutePath().normalize()).intern();
    }

    /** Appends the line under the file lock, rotating first when due; false when the lock did not come in time. */
    private boolean write(byte[] bytes) throws IOException, InterruptedException {
        Path folder = file.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (FileChannel writer = FileChannel.open(file,
                FolderOwner.runningAsRoot() ? ROOT_APPEND_OPTIONS : APPEND_OPTIONS, OWNER_ONLY)) {
            FileLock held = lock(writer);
            if (held == null) {
                return false;
            }
            try (held) {
                if (rotation.due(writer.size(), bytes.length)) {
                    rotation.rotate(file, writer);
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    writer.write(buffer);
                }
            }
            return true;
        }
    }

    /**
     * Waits a bounded time for the file lock. Another process holding it makes {@code tryLock} return null; another
     * channel of this JVM holding it makes it throw.
     */
    private static FileLock lock(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        long pauseMillis = 1;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another channel of this JVM outside the monitor: wait as for another process
            }
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            Thread.sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** A line that could not be written goes to the server log whole, so the record survives somewhere. */
    private void lost(String line, String why) {
        LOG.log(Level.ERROR, "YARA Guard could not append to the findings log {0} ({1}); the verdict stands; "
                + "the line: {2}", file, why, line);
    }
}
