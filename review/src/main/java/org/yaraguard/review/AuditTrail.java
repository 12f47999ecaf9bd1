package org.yaraguard.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.quarantine.FolderOwner;

/**
 * Records review actions: one JSON line in the findings log (through the hook's {@link FindingsLog}, which shares its
 * lock with the verdict lines) and one line in the server log. Values go into the log as parameters, never into the format string.
 */
final class AuditTrail {

    private static final System.Logger LOG = System.getLogger("org.yaraguard.review");

    private final FindingsLog findingsLog;
    private final Clock clock;

    AuditTrail(ReviewSettings settings, Clock clock) {
        this.findingsLog = settings.findingsLog() == null ? null
                : new FindingsLog(settings.findingsLog(), settings.rotation(), settings.syslog(), clock);
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
                line.path("reason").isTextual() ? printable(line.path("reason").asText()) : "-");
        if (findingsLog != null && !findingsLog.append(line)) {
            throw new IOException("the review action was done but could not be recorded in the findings log "
                    + findingsLog.file());
        }
        if (findingsLog != null) {
            // A log the review created as root must stay the server's, or the server's next line is lost.
            FolderOwner.adopt(findingsLog.file());
        }
    }

    /** Keeps one log line one line: control characters from user input are replaced. */
    static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
