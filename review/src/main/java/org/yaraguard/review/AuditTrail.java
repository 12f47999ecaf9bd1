package org.yaraguard.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.yaraguard.audit.message.GuardCode;
import org.yaraguard.audit.message.ObjectIds;
import org.yaraguard.audit.message.ReviewAction;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.quarantine.FolderOwner;

/**
 * Records review actions: one JSON line in the findings log (through the hook's {@link FindingsLog}, which shares its
 * lock with the verdict lines) and one line in the server log. Values go into the log as parameters, never into the format string.
 */
final class AuditTrail {

    private static final System.Logger LOG = System.getLogger("org.yaraguard.review");

    private final FindingsLog findingsLog;
    private final ReviewAudit audit;
    private final Clock clock;

    AuditTrail(ReviewSettings settings, Clock clock) {
        this.findingsLog = settings.findingsLog() == null ? null
                : new FindingsLog(settings.findingsLog(), settings.rotation(), settings.syslog(), clock);
        this.audit = settings.audit();
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

    /**
     * As {@link #record(ObjectNode)}, then tells the Audit Record Repository (Use of Restricted Function) of the
     * release, purge, export or view of {@code entry}: after the findings line, which stays the record of the action.
     */
    void record(ObjectNode line, ReviewEntry entry) throws IOException {
        record(line);
        GuardCode function = switch (line.path("event").asText()) {
            case "release", "release-failed" -> GuardCode.RELEASE;
            case "purge" -> GuardCode.PURGE;
            case "export" -> GuardCode.EXPORT;
            case "view" -> GuardCode.VIEW;
            default -> null;
        };
        if (function == null || !audit.on()) {
            return;
        }
        ReviewAttributes a = entry.attributes();
        audit.record(new ReviewAction(Instant.parse(line.path("at").asText()), function, line.path("user").asText(),
                audit.identity().host(), !"release-failed".equals(line.path("event").asText()), entry.id(),
                EntryId.isSha256(entry.id()) ? entry.id() : null,
                line.path("reason").isTextual() ? line.path("reason").asText() : null,
                new ObjectIds(a.studyInstanceUid(), a.sopClassUid(), a.sopInstanceUid(), a.accessionNumber(),
                        a.patientId(), a.patientName())));
    }

    /** Keeps one log line one line: control characters from user input are replaced. */
    static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
