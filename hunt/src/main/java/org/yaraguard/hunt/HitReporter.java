package org.yaraguard.hunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.review.hunt.HuntFailure;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.Rejection;

/**
 * Reports each hit once: an object an earlier run of the same hunt already reported is neither acted on again nor
 * written again. Acts on new hits (when asked), records every real rejection in the findings log, then appends the
 * line. Thread-safe.
 */
final class HitReporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportFolder report;
    private final HitTally tally;
    private final HitAction action;
    private final FindingsLog findings;
    private final String reviewer;

    HitReporter(ReportFolder report, HitTally tally, HitAction action, FindingsLog findings, String reviewer) {
        this.report = report;
        this.tally = tally;
        this.action = action;
        this.findings = findings;
        this.reviewer = reviewer;
    }

    /** The failure to list for this hit (a rejection that failed), or null. */
    HuntFailure report(HuntHit hit) {
        if (tally.contains(hit.source(), hit.key())) {
            return failureOf(hit, tally.rejectionOf(hit.source(), hit.key()));
        }
        HuntHit acted = action == null ? hit : hit.withRejection(act(hit));
        if (action != null && action.acts()) {
            record(acted);
        }
        if (tally.add(acted)) {
            try {
                report.append(acted);
            } catch (IOException e) {
                // Losing the report is losing the hunt: stop it rather than hunt on without a record.
                throw new UncheckedIOException(e);
            }
        }
        return failureOf(acted, acted.rejection());
    }

    private Rejection act(HuntHit hit) {
        try {
            Rejection outcome = action.act(hit);
            return outcome != null ? outcome : new Rejection(Rejection.FAILED, null, "the rejecter gave no answer");
        } catch (RuntimeException e) {
            return new Rejection(Rejection.FAILED, null, ObjectJudge.reason(e));
        }
    }

    private void record(HuntHit hit) {
        if (findings == null) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("at", hit.at().toString());
        line.put("event", "hunt-reject");
        line.put("huntId", hit.huntId());
        line.put("user", reviewer);
        line.put("studyInstanceUid", hit.studyInstanceUid());
        line.put("seriesInstanceUid", hit.seriesInstanceUid());
        line.put("sopInstanceUid", hit.sopInstanceUid());
        line.put("location", hit.location());
        line.put("sha256", hit.sha256());
        line.put("rulesetId", hit.rulesetId());
        hit.rules().forEach(line.putArray("rules")::add);
        line.set("rejection", JSON.valueToTree(hit.rejection()));
        findings.append(line);
    }

    private static HuntFailure failureOf(HuntHit hit, Rejection rejection) {
        if (rejection == null || !rejection.failed()) {
            return null;
        }
        return new HuntFailure(hit.location(), "rejection failed: "
                + (rejection.httpStatus() == null ? "" : "HTTP " + rejection.httpStatus() + " ")
                + (rejection.message() == null ? "" : rejection.message()));
    }
}
