package org.yaraguard.interceptor.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaraguard.audit.message.Detection;
import org.yaraguard.audit.message.GuardCode;
import org.yaraguard.audit.message.ObjectIds;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.interceptor.guard.Mode;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Which rulings are audited, and as what. Every refused and every tagged object is; so is an object stored because
 * its sender is in monitor mode though the policy would have refused or tagged it, and a logged object when a rule
 * matched or it could not be fully inspected. An object logged only for benign structural anomalies (trailing
 * bytes, an odd preamble: what real modalities produce every day) is not: it stays in the findings log, and the
 * Audit Record Repository is kept for what a security officer must see.
 */
final class Detections {

    /** Rule names per message: a verdict's findings are bounded already, this bounds the message too. */
    static final int MAX_RULES = 50;

    private Detections() {
    }

    /** The detection to audit for this ruling, or null when it is not audited. */
    static Detection of(Ruling ruling, Origin origin, Clock clock) {
        Verdict verdict = ruling.verdict();
        Detection.Handling handling = handling(ruling);
        if (handling == null) {
            return null; // a clean object: not even the clock is read
        }
        List<GuardCode> reasons = new ArrayList<>(3);
        if (!verdict.findings().isEmpty() || verdict.findingsOmitted() > 0) {
            reasons.add(GuardCode.RULE_MATCH);
        }
        if (verdict.trouble() != null) {
            reasons.add(GuardCode.NOT_INSPECTED);
        }
        if (!verdict.anomalies().isEmpty()) {
            reasons.add(GuardCode.ANOMALY);
        }
        return new Detection(clock.instant(), handling, reasons, rules(verdict), verdict.ruleSetId(), verdict.sha256(),
                verdict.action().label(), verdict.trouble() == null ? null : verdict.trouble().toString(),
                origin.source(), origin.callingAet(), origin.remoteHost(), origin.calledAet(), ruling.quarantineId(),
                ids(verdict.attributes()));
    }

    private static Detection.Handling handling(Ruling ruling) {
        Verdict verdict = ruling.verdict();
        return switch (ruling.outcome()) {
            case REFUSE -> Detection.Handling.REFUSED;
            case TAG -> Detection.Handling.TAGGED;
            case STORE -> {
                if (verdict.action() == Action.CLEAN) {
                    yield null;
                }
                if (ruling.mode() == Mode.MONITOR && verdict.action().compareTo(Action.TAG) >= 0) {
                    yield Detection.Handling.MONITORED;
                }
                boolean worthAlert = !verdict.findings().isEmpty() || verdict.findingsOmitted() > 0
                        || verdict.trouble() != null || verdict.action().compareTo(Action.TAG) >= 0;
                yield worthAlert ? Detection.Handling.LOGGED : null;
            }
        };
    }

    /** namespace:rule of each finding, decisive ones first, each once. */
    private static List<String> rules(Verdict verdict) {
        Set<String> names = new LinkedHashSet<>();
        for (Finding finding : verdict.findings()) {
            if (finding.action() == verdict.action()) {
                names.add(finding.namespace() + ":" + finding.rule());
            }
        }
        for (Finding finding : verdict.findings()) {
            names.add(finding.namespace() + ":" + finding.rule());
        }
        return names.stream().limit(MAX_RULES).toList();
    }

    private static ObjectIds ids(ReviewAttributes attributes) {
        if (attributes == null) {
            return ObjectIds.unknown();
        }
        return new ObjectIds(attributes.studyInstanceUid(), attributes.sopClassUid(), attributes.sopInstanceUid(),
                attributes.accessionNumber(), attributes.patientId(), attributes.patientName());
    }
}
