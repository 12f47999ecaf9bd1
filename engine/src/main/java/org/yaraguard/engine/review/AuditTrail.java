package org.yaraguard.engine.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records review actions: one JSON line in the findings log (appended under a file lock, as the contract says) and
 * one line in the server log. Values go into the log as parameters, never into the format string.
 */
final class AuditTrail {

    private static final System.Logger LOG = System.getLogger("org.yaraguard.review");
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path findingsLog;
    private final Clock clock;

    AuditTrail(Path findingsLog, Clock clock) {
        this.findingsLog = findingsLog;
        this.clock = clock;
    }

    /** A new event line with its time, name, entry id, user and reason filled in. */
    ObjectNode event(String event, String id, String user, String reason) {
        ObjectNode line = EntryJson.MAPPER.createObjectNode();
        line.put("at", clock.instant().toString());
        line.put("event", event);
        line.put("id", id);
        line.put("user", user);
        line.put("reason", reason);
        return line;
    }

    /** Appends the line to the findings log and writes it to the server log. */
    void record(ObjectNode line) throws IOException {
        LOG.log(System.Logger.Level.INFO, "YARA Guard review: {0} of {1} by {2}: {3}",
                line.path("event").asText(), line.path("id").asText(), printable(line.path("user").asText()),
                printable(line.path("reason").asText()));
        if (findingsLog == null) {
            return;
        }
        byte[] bytes = (EntryJson.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path key = findingsLog.toAbsolutePath().normalize();
        synchronized (IN_PROCESS.computeIfAbsent(key, k -> new Object())) {
            Path folder = key.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try (FileChannel channel = FileChannel.open(key, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    FileLock lock = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        }
    }

    /** Keeps one log line one line: control characters from user input are replaced. */
    static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
