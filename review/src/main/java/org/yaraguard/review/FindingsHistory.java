package org.yaraguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the findings log and its rotated files for objects the archive stored with a finding (verdict lines without a
 * quarantine id).
 */
final class FindingsHistory {

    private static final int MAX_LINE = 1 << 20;

    private final Path log;

    FindingsHistory(Path log) {
        this.log = log;
    }

    /**
     * The latest verdict line of each stored object, over the rotated files (oldest first) and the log; malformed or
     * oversized lines are skipped.
     */
    List<ReviewEntry> storedEntries() throws IOException {
        Map<String, ReviewEntry> latest = new LinkedHashMap<>();
        if (log == null) {
            return new ArrayList<>();
        }
        for (Path file : oldestFirst()) {
            read(file, latest);
        }
        return new ArrayList<>(latest.values());
    }

    /** {@code log.N} … {@code log.1}, then the log: every rotated file there is, whatever the rotation keeps now. */
    private List<Path> oldestFirst() throws IOException {
        List<Path> files = new ArrayList<>();
        Path folder = log.toAbsolutePath().getParent();
        String prefix = log.getFileName() + ".";
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(f -> rotation(f, prefix) > 0)
                        .sorted(Comparator.comparingLong((Path f) -> rotation(f, prefix)).reversed())
                        .forEach(files::add);
            }
        }
        files.add(log);
        return files;
    }

    /** N of a rotated file {@code prefix + N}, or -1 for any other file. */
    private static long rotation(Path file, String prefix) {
        String name = file.getFileName().toString();
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 9) {
            return -1;
        }
        String number = name.substring(prefix.length());
        return number.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(number) : -1;
    }

    private static void read(Path file, Map<String, ReviewEntry> latest) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
    }

    private static boolean isStoredVerdict(JsonNode json) {
        JsonNode quarantineId = json.get("quarantineId");
        return "verdict".equals(EntryJson.text(json, "event", null))
                && (quarantineId == null || quarantineId.isNull())
                && EntryId.isSha256(EntryJson.text(json, "sha256", null))
                && !"clean".equalsIgnoreCase(EntryJson.text(json, "action", ""));
    }
}
