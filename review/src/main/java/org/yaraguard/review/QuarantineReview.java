package org.yaraguard.review;

import org.yaraguard.engine.quarantine.Approvals;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Review of what YARA Guard refused or tagged: list, show, release, purge, export and retention over the quarantine
 * folder (the source of truth) and the findings log. Every action on an entry's content is recorded in the findings
 * log, the server log and, while the entry exists, its sidecar.
 */
public final class QuarantineReview {

    private static final System.Logger LOG = System.getLogger("org.yaraguard.review");
    private static final int MAX_REASON = 1000;
    private static final int MAX_USER = 128;
    /** The user name recorded for automatic retention purges. */
    public static final String RETENTION_USER = "yara-guard-retention";

    private final ReviewSettings settings;
    private final QuarantineFolder folder;
    private final FindingsHistory history;
    private final AuditTrail audit;
    private final Approvals approvals;
    private final StowClient stow;
    private final Clock clock;

    /** A review over the configured folders, releasing through {@code stow}. */
    public QuarantineReview(ReviewSettings settings, StowClient stow, Clock clock) {
        this.settings = settings;
        this.folder = new QuarantineFolder(settings.quarantineDir());
        this.history = new FindingsHistory(settings.findingsLog());
        this.audit = new AuditTrail(settings, clock);
        this.approvals = new Approvals(settings.approvalDir(), clock);
        this.stow = stow;
        this.clock = clock;
    }

    /** A review with an unauthenticated STOW client and the system clock. */
    public QuarantineReview(ReviewSettings settings) {
        this(settings, StowClient.anonymous(), Clock.systemUTC());
    }

    public ReviewSettings settings() {
        return settings;
    }

    /** Quarantined and stored entries that pass the filter, newest first; unreadable sidecars are logged. */
    public List<ReviewEntry> list(EntryFilter filter) throws IOException {
        return list(filter, broken -> LOG.log(System.Logger.Level.WARNING, "YARA Guard review: {0}", broken));
    }

    /** Entries that pass the filter, by study then series. */
    public List<StudyGroup> studies(EntryFilter filter) throws IOException {
        return StudyGroup.group(list(filter));
    }

    /**
     * Entries that pass the filter, by study then series, from a quarantine folder that must exist and be readable;
     * each study folder or sidecar that cannot be read goes to {@code unreadable}.
     */
    public List<StudyGroup> studies(EntryFilter filter, Consumer<Unreadable> unreadable)
            throws ReviewException, IOException {
        folder.requireReadable();
        return StudyGroup.group(list(filter, unreadable));
    }

    private List<ReviewEntry> list(EntryFilter filter, Consumer<Unreadable> unreadable) throws IOException {
        List<ReviewEntry> all = new ArrayList<>(folder.entries(unreadable));
        all.addAll(history.storedEntries());
        return all.stream().filter(filter)
                .sorted(Comparator.comparing(ReviewEntry::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ReviewEntry::id))
                .toList();
    }

    /**
     * The one entry whose id starts with {@code idText} (8 to 64 hex digits). A quarantined entry wins over a stored
     * entry with the same id, since only it can be acted on.
     */
    public ReviewEntry find(String idText) throws ReviewException, IOException {
        EntryId prefix;
        try {
            prefix = EntryId.parse(idText);
        } catch (IllegalArgumentException e) {
            throw new ReviewException(e.getMessage());
        }
        folder.requireReadable();
        List<Unreadable> unreadable = new ArrayList<>();
        List<ReviewEntry> candidates = list(EntryFilter.all(), unreadable::add).stream()
                .filter(e -> prefix.matches(e.id())).toList();
        List<String> ids = candidates.stream().map(ReviewEntry::id).distinct().toList();
        if (ids.isEmpty() && !unreadable.isEmpty()) {
            throw new UnreadableQuarantineException("no readable entry with id " + prefix + "; " + unreadable.size()
                    + " could not be read, e.g. " + unreadable.stream()
                            .filter(u -> u.file().getFileName().toString().startsWith(prefix.toString()))
                            .findFirst().orElse(unreadable.get(0)));
        }
        if (ids.isEmpty()) {
            throw new ReviewException("no entry with id " + prefix);
        }
        if (ids.size() > 1) {
            throw new ReviewException("id " + prefix + " is ambiguous: " + ids.size() + " entries start with it");
        }
        return candidates.stream().filter(ReviewEntry::quarantined).findFirst().orElse(candidates.get(0));
    }

    /** The verdict and bounded hex views of one entry; recorded as a view of its content. */
    public EntryDetail show(String idText, String user) throws ReviewException, IOException {
        String who = user(user);
        ReviewEntry entry = find(idText);
        EntryDetail detail = HexViews.detail(entry);
        record(entry, audit.event("view", entry.id(), who, null), null);
        return detail;
    }

    /** The result of releasing one entry. */
    public record Release(String id, String sentSha256, int httpStatus, String response) {
    }

    /**
     * Sends a quarantined object to the archive's STOW-RS endpoint after writing a one-time approval for exactly the
     * bytes sent. A Part-10 object is sent as it is; a bare dataset (C-STORE) gets a zeroed preamble and File Meta
     * Information first, so the approval is for the SHA-256 of those bytes. When the archive does not store it the
     * approval is withdrawn and the entry stays quarantined.
     */
    public Release release(String idText, String reason, String user) throws ReviewException, IOException {
        String why = reason(reason);
        String who = user(user);
        requireFindingsLog("release");
        if (settings.stowUrl() == null) {
            throw new ReviewException("release needs the archive's STOW-RS URL (" + ReviewSettings.STOW_URL + ")");
        }
        ReviewEntry found = find(idText);
        synchronized (QuarantineFolder.lock(found.id())) {
            return release(find(found.id()), why, who);
        }
    }

    private Release release(ReviewEntry entry, String why, String who) throws ReviewException, IOException {
        if (!entry.quarantined()) {
            throw new ReviewException("entry " + entry.id() + " is not held in the quarantine ("
                    + entry.status() + ")");
        }
        if (ReviewEntry.RELEASED.equals(entry.status())) {
            throw new ReviewException("entry " + entry.id() + " was released already");
        }
        byte[] header = entry.part10() ? new byte[0] : bareDatasetHeader(entry);
        String sent = sha256(header, entry.objectFile());
        approvals.grant(sent, entry.id(), who, why, settings.approvalTtl());
        StowClient.Response response;
        try {
            response = stow.send(settings.stowUrl(), header, entry.objectFile());
        } catch (IOException e) {
            approvals.revoke(sent);
            failed(entry, who, why, -1, e.getMessage());
            throw new ReviewException("the archive could not be reached: " + e.getMessage(), e);
        }
        if (!response.stored()) {
            approvals.revoke(sent);
            failed(entry, who, why, response.status(), response.body());
            throw new ReviewException("the archive refused the object: HTTP " + response.status());
        }
        ObjectNode event = audit.event("release", entry.id(), who, why);
        event.put("sentSha256", sent);
        event.put("httpStatus", response.status());
        event.put("stowUrl", settings.stowUrl().toString());
        record(entry, event, ReviewEntry.RELEASED);
        return new Release(entry.id(), sent, response.status(), response.body());
    }

    private void failed(ReviewEntry entry, String who, String why, int status, String detail) throws IOException {
        ObjectNode event = audit.event("release-failed", entry.id(), who, why);
        event.put("httpStatus", status);
        event.put("detail", detail == null ? "" : AuditTrail.printable(detail.length() > 500
                ? detail.substring(0, 500) : detail));
        record(entry, event, null);
    }

    private static byte[] bareDatasetHeader(ReviewEntry entry) throws ReviewException, IOException {
        String ts = entry.transferSyntax();
        if (!Part10Header.isUid(ts)) {
            try (InputStream in = Files.newInputStream(entry.objectFile())) {
                ts = Part10Header.guessTransferSyntax(in.readNBytes(8));
            }
        }
        try {
            return Part10Header.build(entry.attributes().sopClassUid(), entry.attributes().sopInstanceUid(), ts);
        } catch (IllegalArgumentException e) {
            throw new ReviewException("cannot release a bare dataset without valid SOP Class and Instance UIDs");
        }
    }

    /** Deletes a quarantined entry (object and sidecar) and records why. */
    public void purge(String idText, String reason, String user) throws ReviewException, IOException {
        String why = reason(reason);
        String who = user(user);
        requireFindingsLog("purge");
        ReviewEntry entry = find(idText);
        if (entry.sidecarFile() == null) {
            throw new ReviewException("entry " + entry.id() + " is stored in the archive, not held here");
        }
        purge(entry, who, why);
    }

    /** Purges every quarantined entry older than {@code age}; returns the purged ids. */
    public List<String> purgeOlderThan(Duration age, String reason, String user) throws ReviewException, IOException {
        String why = reason(reason);
        String who = user(user);
        requireFindingsLog("purge");
        folder.requireReadable();
        Instant cutoff = clock.instant().minus(age);
        List<String> purged = new ArrayList<>();
        for (ReviewEntry entry : folder.entries(broken -> { })) {
            if (youngest(entry).isBefore(cutoff)) {
                purge(entry, who, why);
                purged.add(entry.id());
            }
        }
        return purged;
    }

    /** Applies the configured retention: purges entries older than N days, never sooner; none when N is 0. */
    public List<String> applyRetention() throws ReviewException, IOException {
        int days = settings.retentionDays();
        if (days == 0) {
            return List.of();
        }
        return purgeOlderThan(Duration.ofDays(days), "retention: older than " + days + " days", RETENTION_USER);
    }

    /** Writes the defanged export of one quarantined entry to {@code out}; recorded. */
    public void export(String idText, OutputStream out, String user) throws ReviewException, IOException {
        String who = user(user);
        ReviewEntry entry = find(idText);
        if (!entry.quarantined()) {
            throw new ReviewException("entry " + entry.id() + " is not held in the quarantine");
        }
        DefangedExport.write(entry, out);
        record(entry, audit.event("export", entry.id(), who, null), null);
    }

    private void purge(ReviewEntry entry, String who, String why) throws IOException {
        folder.delete(entry);
        audit.record(audit.event("purge", entry.id(), who, why), entry);
    }

    /** The later of the receive time and the object's file time, so an entry is never purged too soon. */
    private Instant youngest(ReviewEntry entry) throws IOException {
        Instant received = entry.receivedAt() == null ? Instant.MIN : entry.receivedAt();
        Path file = entry.objectFile() != null ? entry.objectFile() : entry.sidecarFile();
        Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        return received.isAfter(written) ? received : written;
    }

    private void record(ReviewEntry entry, ObjectNode event, String status) throws IOException {
        audit.record(event, entry);
        if (entry.sidecarFile() != null) {
            ObjectNode trail = EntryJson.MAPPER.createObjectNode();
            trail.setAll(event);
            trail.remove("id");
            folder.record(entry, trail, status);
        }
    }

    /** A destructive action must leave a record beyond the server log, which rotates away and is not the SIEM's. */
    private void requireFindingsLog(String action) throws ReviewException {
        if (settings.findingsLog() == null) {
            throw new ReviewException(action + " refused: no findings log is configured to record it ("
                    + ReviewSettings.FINDINGS_LOG + " or --findings)");
        }
    }

    private static String reason(String reason) throws ReviewException {
        if (reason == null || reason.isBlank()) {
            throw new ReviewException("a reason is required");
        }
        String r = reason.strip();
        if (r.length() > MAX_REASON) {
            throw new ReviewException("the reason is longer than " + MAX_REASON + " characters");
        }
        return r;
    }

    private static String user(String user) throws ReviewException {
        if (user == null || user.isBlank() || user.length() > MAX_USER || !user.equals(AuditTrail.printable(user))) {
            throw new ReviewException("a reviewer name (printable, at most " + MAX_USER + " characters) is required");
        }
        return user.strip();
    }

    private static String sha256(byte[] header, Path object) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(header);
            try (InputStream in = Files.newInputStream(object)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
