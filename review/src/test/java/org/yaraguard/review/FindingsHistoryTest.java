package org.yaraguard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.findings.FindingsRotation;
import org.yaraguard.engine.quarantine.Sidecar;

class FindingsHistoryTest {

    @TempDir
    Path temp;

    @Test
    void storedObjectsAreFoundInRotatedFilesTooAndTheLatestLineWins() throws Exception {
        Path file = temp.resolve("findings.log");
        // About three verdict lines per file: 12 objects spread over the log and several rotated files.
        FindingsLog log = new FindingsLog(file, new FindingsRotation(2_000, 20), Clock.systemUTC());
        for (int i = 0; i < 12; i++) {
            log.appendVerdict(stored(i, "Old_Rule"), null);
        }
        log.appendVerdict(stored(0, "New_Rule"), null);
        Files.writeString(temp.resolve("findings.log.rotating"), "not json\n");
        Files.writeString(temp.resolve("findings.log.bak"), "not json\n");

        List<ReviewEntry> entries = new FindingsHistory(file).storedEntries();

        assertThat(FindingsRotation.rotated(file, 3)).exists();
        assertThat(entries).hasSize(12);
        ReviewEntry first = entries.stream().filter(e -> e.id().equals(sha(0))).findFirst().orElseThrow();
        assertThat(first.matches()).extracting(MatchView::rule).containsExactly("New_Rule");
    }

    @Test
    void noLogNoEntries() throws Exception {
        assertThat(new FindingsHistory(temp.resolve("missing.log")).storedEntries()).isEmpty();
    }

    private static Sidecar stored(int n, String rule) {
        String sha = sha(n);
        ReviewAttributes attributes = new ReviewAttributes(ReviewFixture.SC, "9.9." + n, "1.2.3", "1.2.3.4", "PID9",
                "Stored^Patient", "20260102", "CT", "ACC9");
        return new Sidecar(sha, Instant.parse("2026-11-25T01:02:03Z").toString(), "c-store", "MODALITY2",
                "DCM4CHEE", "127.0.0.2", "enforce", "tag", Sidecar.STORED, "ruleset-1", sha, 1234, false,
                "1.2.840.10008.1.2", null, attributes, List.of(new Sidecar.Match(rule, "default", List.of(), Map.of(),
                        "object", List.of(0L), "tag")), List.of(), List.of());
    }

    private static String sha(int n) {
        return String.format("%064x", n + 1);
    }
}
