package org.yaraguard.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.yaraguard.engine.dicom.ReviewAttributes;

/**
 * One object a reviewer sees: a quarantined object (with its bytes and sidecar on disk) or an object the archive
 * stored with a finding (known only from the findings log).
 *
 * @param id             the SHA-256 of the object, which is also its id
 * @param status         "quarantined", "released" or "stored"
 * @param transferSyntax transfer syntax of the object when the sidecar records it, else null
 * @param objectFile     the quarantined bytes, or null for a stored object
 * @param sidecarFile    the sidecar, or null for a stored object
 */
public record ReviewEntry(String id, Instant receivedAt, String source, String callingAet, String calledAet,
        String remoteHost, String mode, String action, String status, String rulesetId, long bytes, boolean part10,
        String trouble, String transferSyntax, ReviewAttributes attributes, List<MatchView> matches,
        List<AnomalyView> anomalies, List<ReviewEvent> review, Path objectFile, Path sidecarFile) {

    /** Status of an object held in the quarantine. */
    public static final String QUARANTINED = "quarantined";
    /** Status of a quarantined object that was sent to the archive by a reviewer. */
    public static final String RELEASED = "released";
    /** Status of an object the archive stored (tagged or logged). */
    public static final String STORED = "stored";
    /** Group name for objects without a usable Study or Series Instance UID. */
    public static final String UNKNOWN = "unknown";

    /** Defensive copies; absent lists become empty. */
    public ReviewEntry {
        attributes = attributes == null ? ReviewAttributes.empty() : attributes;
        matches = matches == null ? List.of() : List.copyOf(matches);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
        review = review == null ? List.of() : List.copyOf(review);
    }

    /** Whether the bytes of this entry are held in the quarantine. */
    public boolean quarantined() {
        return objectFile != null;
    }

    /** Study Instance UID for grouping, or {@link #UNKNOWN}. */
    public String study() {
        return Optional.ofNullable(attributes.studyInstanceUid()).filter(s -> !s.isBlank()).orElse(UNKNOWN);
    }

    /** Series Instance UID for grouping, or {@link #UNKNOWN}. */
    public String series() {
        return Optional.ofNullable(attributes.seriesInstanceUid()).filter(s -> !s.isBlank()).orElse(UNKNOWN);
    }

    /** Names of the matched rules, in sidecar order, without duplicates. */
    public List<String> ruleNames() {
        return matches.stream().map(MatchView::rule).distinct().toList();
    }
}
