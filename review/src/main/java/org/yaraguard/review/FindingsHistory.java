package org.yaraguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the findings log for objects the archive stored with a finding (verdict lines without a quarantine id). */
final class FindingsHistory {

    private static final int MAX_LINE = 1 << 20;

    private final Path log;

    FindingsHistory(Path log) {
        this.log = log;
    }

    /** The latest verdict line of each stored object; malformed or oversized lines are skipped. */
    List<ReviewEntry> storedEntries() throws IOException {
        Map<String, ReviewEntry> latest = new LinkedHashMap<>();
        if (log == null || !Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            return new ArrayList<>();
        }
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.length() > MAX_LINE || line.isBlank()) {
                    continue;
                }
                JsonNode json;
                try {
                    json = EntryJson.MAPPER.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (isStoredVerdict(json)) {
                    ReviewEntry entry = EntryJson.fromVerdictLine(json);
                    latest.remove(entry.id());
                    latest.put(entry.id(), entry);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    private static boolean isStoredVerdict(JsonNode json) {
        JsonNode quarantineId = json.get("quarantineId");
        return "verdict".equals(EntryJson.text(json, "event", null))
                && (quarantineId == null || quarantineId.isNull())
                && EntryId.isSha256(EntryJson.text(json, "sha256", null))
                && !"clean".equalsIgnoreCase(EntryJson.text(json, "action", ""));
    }
}
