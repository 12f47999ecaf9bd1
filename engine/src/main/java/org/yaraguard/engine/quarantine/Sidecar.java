package org.yaraguard.engine.quarantine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaraguard.engine.dicom.Anomaly;
import org.yaraguard.engine.dicom.ReviewAttributes;

/**
 * The JSON record kept next to a quarantined object (team contract, camelCase); the same fields, minus
 * {@code review}, make a findings-log verdict line. Times are ISO-8601 instants in UTC ({@code Instant.toString()}).
 *
 * @param id             the entry id: lowercase hex SHA-256 of the object
 * @param receivedAt     when the hook received the object
 * @param source         c-store, stow-rs, stow-rs-metadata, import, release
 * @param mode           enforce or monitor
 * @param action         the verdict's action: reject, tag, log
 * @param status         quarantined, stored (not quarantined: tag, log, monitor), released, purged
 * @param transferSyntax the transfer syntax the object was read with, or null
 * @param trouble        the engine trouble behind the verdict ("timeout: ..."), or null
 * @param findingsOmitted matches counted in the action but left out of {@code matches}, which are bounded
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "receivedAt", "source", "callingAet", "calledAet", "remoteHost", "mode", "action", "status",
        "rulesetId", "sha256", "bytes", "part10", "transferSyntax", "trouble", "attributes", "matches",
        "findingsOmitted", "anomalies", "review"})
public record Sidecar(String id, String receivedAt, String source, String callingAet, String calledAet,
        String remoteHost, String mode, String action, String status, String rulesetId, String sha256, long bytes,
        boolean part10, String transferSyntax, String trouble, ReviewAttributes attributes, List<Match> matches,
        long findingsOmitted, List<Anomaly> anomalies, List<ReviewEvent> review) {

    public static final String QUARANTINED = "quarantined";
    public static final String STORED = "stored";

    public Sidecar {
        attributes = attributes == null ? ReviewAttributes.empty() : attributes;
        matches = matches == null ? List.of() : List.copyOf(matches);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
        review = review == null ? List.of() : List.copyOf(review);
    }

    /** A record whose matches are all there (none omitted). */
    public Sidecar(String id, String receivedAt, String source, String callingAet, String calledAet,
            String remoteHost, String mode, String action, String status, String rulesetId, String sha256, long bytes,
            boolean part10, String transferSyntax, String trouble, ReviewAttributes attributes, List<Match> matches,
            List<Anomaly> anomalies, List<ReviewEvent> review) {
        this(id, receivedAt, source, callingAet, calledAet, remoteHost, mode, action, status, rulesetId, sha256, bytes,
                part10, transferSyntax, trouble, attributes, matches, 0, anomalies, review);
    }

    /** The same record with another status. */
    public Sidecar withStatus(String newStatus) {
        return new Sidecar(id, receivedAt, source, callingAet, calledAet, remoteHost, mode, action, newStatus,
                rulesetId, sha256, bytes, part10, transferSyntax, trouble, attributes, matches, findingsOmitted,
                anomalies, review);
    }

    /** The same record with {@code event} appended to its review trail. */
    public Sidecar withReview(ReviewEvent event) {
        List<ReviewEvent> trail = new ArrayList<>(review);
        trail.add(event);
        return withReviewTrail(trail);
    }

    /** The same record with its review trail replaced (e.g. carried over from an earlier sidecar). */
    public Sidecar withReviewTrail(List<ReviewEvent> trail) {
        return new Sidecar(id, receivedAt, source, callingAet, calledAet, remoteHost, mode, action, status,
                rulesetId, sha256, bytes, part10, transferSyntax, trouble, attributes, matches, findingsOmitted,
                anomalies, trail);
    }

    /**
     * One rule match: as the scanner's Finding, with the action as its lowercase label and how many times the rule
     * matched in regions of this kind (1 in sidecars written before counts existed).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String rule, String namespace, List<String> tags, Map<String, Object> meta, String region,
            List<Long> offsets, String action, long count) {

        public Match {
            tags = tags == null ? List.of() : List.copyOf(tags);
            meta = meta == null ? Map.of() : Map.copyOf(meta);
            offsets = offsets == null ? List.of() : List.copyOf(offsets);
            count = Math.max(1, count);
        }

        /** A single match. */
        public Match(String rule, String namespace, List<String> tags, Map<String, Object> meta, String region,
                List<Long> offsets, String action) {
            this(rule, namespace, tags, meta, region, offsets, action, 1);
        }
    }

    /** One review action in the sidecar's trail; {@code at} as an ISO-8601 instant. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewEvent(String event, String user, String at, String reason) {
    }
}
