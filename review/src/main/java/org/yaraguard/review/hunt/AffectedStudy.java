package org.yaraguard.review.hunt;

import java.util.List;

/**
 * One study with at least one hit: a row of {@code summary.csv} and an element of {@code summary.json}'s byStudy.
 *
 * @param instances hits in this study
 * @param rules     distinct rule names that matched in it, sorted
 * @param rejected  instances now rejected in the archive (by this hunt or before it)
 * @param failed    instances whose rejection was tried and failed
 */
public record AffectedStudy(String studyInstanceUid, String patientId, String accessionNumber, String studyDate,
                            long instances, List<String> rules, long rejected, long failed) {

    public AffectedStudy {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
