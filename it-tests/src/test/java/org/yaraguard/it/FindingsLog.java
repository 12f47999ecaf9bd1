package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Reads the plugin's findings log (JSON lines) the test WildFly writes under the build's work folder. */
final class FindingsLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingsLog() {
    }

    /** Every verdict line, in order. */
    static List<JsonNode> verdicts() throws IOException {
        return events("verdict");
    }

    /** Every line of this event (verdict, approval-used, view, release, purge ...), in order. */
    static List<JsonNode> events(String event) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(ItEnvironment.findingsLog())) {
            return events;
        }
        for (String line : Files.readAllLines(ItEnvironment.findingsLog(), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                if (event.equals(json.path("event").asText())) {
                    events.add(json);
                }
            }
        }
        return events;
    }

    /** The verdict lines about the object with this SHA-256. */
    static List<JsonNode> verdictsFor(String sha256) throws IOException {
        return verdicts().stream().filter(v -> sha256.equals(v.path("sha256").asText())).toList();
    }

    /** Rule names of a verdict's matches. */
    static List<String> rules(JsonNode verdict) {
        List<String> rules = new ArrayList<>();
        verdict.path("matches").forEach(m -> rules.add(m.path("rule").asText()));
        return rules;
    }
}
