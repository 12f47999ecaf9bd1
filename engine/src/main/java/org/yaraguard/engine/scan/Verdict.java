package org.yaraguard.engine.scan;

import java.util.List;
import org.yaraguard.engine.dicom.Anomaly;
import org.yaraguard.engine.dicom.ReviewAttributes;

/**
 * The outcome of scanning one object: the strongest action of its findings, anomalies and trouble, with what a
 * reviewer needs to judge it later.
 *
 * @param trouble   why the scan gave no full answer, or null when it did
 * @param ruleSetId the rule set that judged the object, or null when none was in force
 * @param sha256    the object's SHA-256; null only for a clean object whose hash was not already known (a file
 *                  scanned in place, an object the hook spooled), since hashing it would cost as much as a third of the scan
 * @param findingsOmitted matches counted in the action but left out of {@code findings}, which are bounded
 */
public record Verdict(Action action, List<Finding> findings, List<Anomaly> anomalies, Trouble trouble,
                      String ruleSetId, String sha256, long bytes, long micros, boolean part10,
                      ReviewAttributes attributes, long findingsOmitted) {

    public Verdict {
        findings = List.copyOf(findings);
        anomalies = List.copyOf(anomalies);
    }

    /**
     * This verdict with trouble met outside the scan (e.g. a value the hook could not read): the first trouble is the
     * one reported, and the action is the stronger of the two.
     */
    public Verdict withTrouble(Trouble more, Action troubleAction) {
        return new Verdict(action.max(troubleAction), findings, anomalies, trouble != null ? trouble : more, ruleSetId,
                sha256, bytes, micros, part10, attributes, findingsOmitted);
    }

    /** Rule names of the findings whose action equals the verdict's, for short messages: strongest first. */
    public List<String> decisiveRules() {
        return findings.stream().filter(f -> f.action() == action).map(Finding::rule).distinct().toList();
    }
}
