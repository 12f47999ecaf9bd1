package org.yaraguard.engine.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.yaraguard.engine.quarantine.Sidecar;

/**
 * The findings log: one JSON object per line, one line per non-clean verdict and per review action, for a SIEM to
 * ship. Lines are appended whole under a lock held both inside the JVM (threads, and several instances on the same
 * file) and across processes (the server and the command line). A failed append (e.g. a full disk) never changes a
 * verdict: it is reported as {@code false} and logged as an error.
 */
public final class FindingsLog {

    private static final Logger LOG = System.getLogger(FindingsLog.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One lock per file in this JVM: a FileLock alone throws when two channels of one JVM lock the same file. */
    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private static final Set<OpenOption> APPEND_OPTIONS =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    /** Findings name patients: a new log file is readable by the server's user only. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path file;
    private final Clock clock;

    public FindingsLog(Path file) {
        this(file, Clock.systemUTC());
    }

    public FindingsLog(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
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

    /** Appends any JSON object as one line; returns false (and logs an error) when it could not be written. */
    public boolean append(ObjectNode line) {
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "YARA Guard cannot serialise a findings line: {0}", e.toString());
            return false;
        }
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try {
            write(bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "YARA Guard cannot append to the findings log {0}; the verdict stands: {1}",
                    file, e.toString());
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void write(byte[] bytes) throws IOException {
        Path folder = file.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (FileChannel channel = FileChannel.open(file, APPEND_OPTIONS, OWNER_ONLY)) {
            try (FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
    }
}
