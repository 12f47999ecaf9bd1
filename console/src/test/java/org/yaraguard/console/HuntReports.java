package org.yaraguard.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yaraguard.review.hunt.AffectedStudy;
import org.yaraguard.review.hunt.HitMatch;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntJson;
import org.yaraguard.review.hunt.HuntSummary;
import org.yaraguard.review.hunt.Rejection;

/** Report folders as the hunt writes them, through the report model's own writer, for the console's tests. */
final class HuntReports {

    static final String STUDY = "1.2.826.0.1.3680043.2.1143.1";
    static final String HOSTILE = "<script>alert(1)</script>";

    private HuntReports() {
    }

    /** A report folder {@code parent/name} started at {@code startedAt} over {@code storageRoot}, with these hits. */
    static Path write(Path parent, String name, Instant startedAt, Path storageRoot, List<HuntHit> hits)
            throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        HuntSummary summary = new HuntSummary(name, startedAt, startedAt.plusSeconds(60), "ruleset-1234567890abcdef",
                "/etc/yara-guard/rules", List.of("storage:" + storageRoot), "1/1", null, 100, 100_000, 98,
                hits.size(), 0, 0, 0, 1, 1, Map.of("eicar_test_string", (long) hits.size()),
                List.of(new AffectedStudy(STUDY, HOSTILE, "ACC1", "20261130", hits.size(),
                        List.of("eicar_test_string"), 1, 1)),
                List.of(), List.of("stored objects carry the archive's zeroed preamble"));
        Files.writeString(folder.resolve("summary.json"), HuntJson.summary(summary), StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder();
        hits.forEach(h -> lines.append(HuntJson.line(h)).append('\n'));
        Files.writeString(folder.resolve("hits.jsonl"), lines, StandardCharsets.UTF_8);
        return folder;
    }

    /** A hit of {@link #STUDY} at {@code location} with one match at {@code offset}. */
    static HuntHit hit(String location, long bytes, long offset, Rejection rejection) {
        return new HuntHit(Instant.parse("2026-11-30T17:00:00Z"), "h1", HuntHit.STORAGE, "0:" + location, location,
                STUDY, "1.2.3.4", "1.2.3.4.5", "1.2.840.10008.5.1.4.1.1.7", HOSTILE, "ACC1", "20261130", "reject",
                "ruleset-1234567890abcdef", "ab".repeat(32), bytes, null,
                List.of(new HitMatch("eicar_test_string", "default", "object", "reject", List.of(offset))), rejection);
    }
}
