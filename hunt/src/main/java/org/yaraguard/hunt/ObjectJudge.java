package org.yaraguard.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.spool.Spool;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.review.hunt.HitMatch;
import org.yaraguard.review.hunt.HuntFailure;
import org.yaraguard.review.hunt.HuntHit;

/**
 * Judges one stored object: reads it (throttled) into the spool, skips what is not Part-10 DICOM and what is older
 * than {@code --since}, scans the rest exactly as ingest would (a stored object is a Part-10 file) and hands hits on.
 * Thread-safe; never throws for anything one object does.
 */
final class ObjectJudge {

    /** Stored objects are Part-10 files: the framing is decided by the source, never by the bytes. */
    static final ScanContext CONTEXT = new ScanContext("hunt", "", "", null, Framing.PART10);
    private static final int PREAMBLE = 128;

    private final ObjectScanner scanner;
    private final DicomInspector inspector = new DicomInspector(InspectionLimits.defaults());
    private final Spool spool;
    private final Throttle throttle;
    private final String since;
    private final String huntId;
    private final Clock clock;
    private final HitReporter reporter;

    ObjectJudge(ObjectScanner scanner, Spool spool, Throttle throttle, String since, String huntId, Clock clock,
                HitReporter reporter) {
        this.scanner = scanner;
        this.spool = spool;
        this.throttle = throttle;
        this.since = since;
        this.huntId = huntId;
        this.clock = clock;
        this.reporter = reporter;
    }

    Ledger.Outcome judge(StoredObjects source, StoredObject object) {
        try (InputStream in = new ThrottledInputStream(source.open(object), throttle);
             SpooledObject spooled = spool.spool(in)) {
            if (spooled.complete()) {
                ByteBuffer bytes = spooled.bytes();
                if (!part10(bytes)) {
                    return new Ledger.Outcome(Counts.notDicomOne(), null);
                }
                if (since != null && older(bytes)) {
                    return new Ledger.Outcome(Counts.olderOne(), null);
                }
            }
            Verdict verdict = scanner.scan(spooled, CONTEXT);
            boolean hit = verdict.action() != Action.CLEAN;
            Counts counts = Counts.judged(spooled.size(), hit, verdict.trouble() != null);
            HuntFailure failure = hit ? reporter.report(hitOf(source, object, verdict)) : null;
            return new Ledger.Outcome(counts, failure);
        } catch (IOException | RuntimeException e) {
            return new Ledger.Outcome(Counts.unreadableOne(),
                    new HuntFailure(object.location(), "unreadable: " + reason(e)));
        }
    }

    private static boolean part10(ByteBuffer bytes) {
        return bytes.remaining() >= PREAMBLE + 4 && bytes.get(PREAMBLE) == 'D' && bytes.get(PREAMBLE + 1) == 'I'
                && bytes.get(PREAMBLE + 2) == 'C' && bytes.get(PREAMBLE + 3) == 'M';
    }

    /** Older than --since by its StudyDate; an object without a readable StudyDate is hunted. */
    private boolean older(ByteBuffer bytes) {
        String studyDate;
        try (Inspection inspection = inspector.inspect(bytes, Framing.PART10, null)) {
            studyDate = inspection.attributes().studyDate();
        }
        String date = studyDate == null ? "" : studyDate.trim();
        return date.matches("\\d{8}") && date.compareTo(since) < 0;
    }

    private HuntHit hitOf(StoredObjects source, StoredObject object, Verdict verdict) {
        ReviewAttributes a = verdict.attributes();
        List<HitMatch> matches = verdict.findings().stream()
                .map(f -> new HitMatch(f.rule(), f.namespace(), f.region(), f.action().label(), f.offsets()))
                .toList();
        return new HuntHit(clock.instant(), huntId, source.source(), object.key(), object.location(),
                a.studyInstanceUid(), a.seriesInstanceUid(), a.sopInstanceUid(), a.sopClassUid(), a.patientId(),
                a.accessionNumber(), a.studyDate(), verdict.action().label(), verdict.ruleSetId(), verdict.sha256(),
                verdict.bytes(), verdict.trouble() == null ? null : verdict.trouble().toString(), matches, null);
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
