package org.yaraguard.review.hunt;

import java.time.Instant;
import java.util.List;

/**
 * One hunted object whose verdict was not clean: one line of {@code hits.jsonl}. Identifying attributes come from
 * the object itself (or the archive's QIDO answer) and are untrusted text: never a path, a format string or a shell
 * word.
 *
 * @param source    {@link #STORAGE} or {@link #DICOMWEB}
 * @param key       the source's stable key of the object (e.g. storage root index and relative path): what a resumed
 *                  hunt dedupes hits by, since two storage roots may hold the same relative path (a field added to
 *                  the brief's list for that reason)
 * @param location  for storage, the object's path relative to its storage root ('/' separated); for DICOMweb, the
 *                  WADO-RS URL of the instance
 * @param action    the verdict's action ("reject", "tag", "log")
 * @param trouble   why the scan gave no full answer, or null
 * @param rejection what acting on the hit gave, or null when the hunt was not acting (no rejecter configured)
 */
public record HuntHit(Instant at, String huntId, String source, String key, String location, String studyInstanceUid,
                      String seriesInstanceUid, String sopInstanceUid, String sopClassUid, String patientId,
                      String accessionNumber, String studyDate, String action, String rulesetId, String sha256,
                      long bytes, String trouble, List<HitMatch> matches, Rejection rejection) {

    public static final String STORAGE = "storage";
    public static final String DICOMWEB = "dicomweb";

    public HuntHit {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    /** This hit with the outcome of acting on it. */
    public HuntHit withRejection(Rejection outcome) {
        return new HuntHit(at, huntId, source, key, location, studyInstanceUid, seriesInstanceUid, sopInstanceUid,
                sopClassUid, patientId, accessionNumber, studyDate, action, rulesetId, sha256, bytes, trouble, matches,
                outcome);
    }

    /** Distinct rule names, in the order they matched. */
    public List<String> rules() {
        return matches.stream().map(HitMatch::rule).distinct().toList();
    }
}
