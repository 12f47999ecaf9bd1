package org.yaraguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaraguard.engine.dicom.ReviewAttributes;

/**
 * Reads the sidecar and verdict-line JSON of the team contract into {@link ReviewEntry}. Read as a tree rather than
 * bound to a class so that fields added later by the writer are tolerated and kept when the sidecar is rewritten.
 */
final class EntryJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private EntryJson() {
    }

    /** An entry from a sidecar whose object lies next to it. */
    static ReviewEntry fromSidecar(JsonNode json, Path objectFile, Path sidecarFile) {
        return read(json, text(json, "status", ReviewEntry.QUARANTINED), objectFile, sidecarFile);
    }

    /** A stored entry from a findings-log verdict line. */
    static ReviewEntry fromVerdictLine(JsonNode json) {
        return read(json, ReviewEntry.STORED, null, null);
    }

    private static ReviewEntry read(JsonNode json, String status, Path objectFile, Path sidecarFile) {
        String sha = text(json, "sha256", text(json, "id", null));
        return new ReviewEntry(sha, instant(json.get("receivedAt"), json.get("at")), text(json, "source", null),
                text(json, "callingAet", null), text(json, "calledAet", null), text(json, "remoteHost", null),
                text(json, "mode", null), text(json, "action", null), status, text(json, "rulesetId", null),
                json.path("bytes").asLong(-1), json.path("part10").asBoolean(false), text(json, "trouble", null),
                text(json, "transferSyntax", text(json, "transferSyntaxUid", null)),
                attributes(json.path("attributes")), matches(json.path("matches")),
                anomalies(json.path("anomalies")), review(json.path("review")), objectFile, sidecarFile);
    }

    static String text(JsonNode json, String field, String fallback) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? fallback : node.asText();
    }

    static Instant instant(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node != null && node.isTextual()) {
                try {
                    return Instant.parse(node.asText());
                } catch (DateTimeParseException e) {
                    continue;
                }
            }
        }
        return null;
    }

    private static ReviewAttributes attributes(JsonNode a) {
        if (!a.isObject()) {
            return ReviewAttributes.empty();
        }
        return new ReviewAttributes(text(a, "sopClassUid", null), text(a, "sopInstanceUid", null),
                text(a, "studyInstanceUid", null), text(a, "seriesInstanceUid", null), text(a, "patientId", null),
                text(a, "patientName", null), text(a, "studyDate", null), text(a, "modality", null),
                text(a, "accessionNumber", null));
    }

    private static List<MatchView> matches(JsonNode array) {
        List<MatchView> matches = new ArrayList<>();
        for (JsonNode m : array) {
            List<String> tags = new ArrayList<>();
            m.path("tags").forEach(t -> tags.add(t.asText()));
            Map<String, Object> meta = new LinkedHashMap<>();
            m.path("meta").fields().forEachRemaining(f -> meta.put(f.getKey(), scalar(f.getValue())));
            List<Long> offsets = new ArrayList<>();
            m.path("offsets").forEach(o -> offsets.add(o.asLong()));
            matches.add(new MatchView(text(m, "rule", "?"), text(m, "namespace", ""), tags, meta,
                    text(m, "region", "object"), offsets, text(m, "action", null)));
        }
        return matches;
    }

    private static Object scalar(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }

    private static List<AnomalyView> anomalies(JsonNode array) {
        List<AnomalyView> anomalies = new ArrayList<>();
        for (JsonNode a : array) {
            anomalies.add(new AnomalyView(text(a, "kind", "?"), text(a, "detail", ""), a.path("offset").asLong(-1)));
        }
        return anomalies;
    }

    private static List<ReviewEvent> review(JsonNode array) {
        List<ReviewEvent> events = new ArrayList<>();
        for (JsonNode e : array) {
            events.add(new ReviewEvent(text(e, "event", "?"), text(e, "user", null), instant(e.get("at")),
                    text(e, "reason", null)));
        }
        return events;
    }
}
