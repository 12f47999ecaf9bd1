package org.yaraguard.review.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntReportTest {

    @TempDir
    Path dir;

    static HuntHit hit(String study, String sop, Rejection rejection) {
        return new HuntHit(Instant.parse("2026-11-30T17:00:00Z"), "h1", HuntHit.STORAGE, "0/2026/11/30/" + sop,
                "2026/11/30/" + sop, study, "1.2.3.4", sop, "1.2.840.10008.5.1.4.1.1.104.1", "=cmd|' /C calc'!A0",
                "ACC,1", "20261130", "refuse", "ruleset-abc", "ab".repeat(32), 1234, null,
                List.of(new HitMatch("pdf_javascript", "default", "pdf", "refuse", List.of(10L, 20L))), rejection);
    }

    static HuntSummary summary(String huntId, Instant startedAt) {
        return new HuntSummary(huntId, startedAt, null, "ruleset-abc", "/etc/yara-guard/rules",
                List.of("storage:/var/fs1"), "1/1", null, 10, 10_000, 8, 2, 0, 0, 1, 1, 1,
                Map.of("pdf_javascript", 2L),
                List.of(new AffectedStudy("1.2.3", "=cmd", "ACC,1", "20261130", 2, List.of("a", "b"), 0, 0)),
                List.of(new HuntFailure("2026/x", "unreadable: permission denied")), List.of("zeroed preamble"));
    }

    @Test
    void aHitLineHasTheAgreedFieldNamesAndReadsBack() throws IOException {
        HuntHit written = hit("1.2.3", "1.2.3.4.5", new Rejection(Rejection.ALREADY_REJECTED, 409, "gone"));
        String line = HuntJson.line(written);

        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(line).doesNotContain("\n");
        assertThat(json.fieldNames()).toIterable().containsExactly("at", "huntId", "source", "key", "location",
                "studyInstanceUid", "seriesInstanceUid", "sopInstanceUid", "sopClassUid", "patientId",
                "accessionNumber", "studyDate", "action", "rulesetId", "sha256", "bytes", "trouble", "matches",
                "rejection");
        assertThat(json.get("at").asText()).isEqualTo("2026-11-30T17:00:00Z");
        assertThat(json.get("trouble").isNull()).isTrue();
        assertThat(json.at("/matches/0").fieldNames()).toIterable()
                .containsExactly("rule", "namespace", "region", "action", "offsets");
        assertThat(json.at("/rejection").fieldNames()).toIterable().containsExactly("status", "httpStatus", "message");
        assertThat(HuntJson.hit(line)).isEqualTo(written);
    }

    @Test
    void aHitThatWasNotActedOnHasANullRejection() throws IOException {
        JsonNode json = new ObjectMapper().readTree(HuntJson.line(hit("1.2.3", "1.2.3.4.5", null)));
        assertThat(json.get("rejection").isNull()).isTrue();
    }

    @Test
    void aRejectionStatusOutsideTheFourIsRefused() {
        assertThatThrownBy(() -> new Rejection("maybe", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSummaryReadsBackAndSaysWhetherItsHuntIsRunning() throws IOException {
        HuntSummary written = summary("h1", Instant.parse("2026-11-30T17:00:00Z"));
        JsonNode json = new ObjectMapper().readTree(HuntJson.summary(written));

        assertThat(json.get("finishedAt").isNull()).isTrue();
        assertThat(json.at("/byStudy/0/rules/1").asText()).isEqualTo("b");
        HuntSummary read = HuntJson.summary(HuntJson.summary(written));
        assertThat(read).isEqualTo(written);
        assertThat(read.running()).isTrue();
    }

    @Test
    void theReaderStreamsHitsAndSkipsALineCutByACrash() throws IOException {
        Files.writeString(dir.resolve(HuntReport.SUMMARY), HuntJson.summary(summary("h1", Instant.now())));
        String lines = HuntJson.line(hit("1.2.3", "1.2.3.4.5", null)) + "\n"
                + HuntJson.line(hit("1.2.9", "1.2.9.4.6", null)) + "\n"
                + HuntJson.line(hit("1.2.3", "1.2.3.4.7", null)) + "\n";
        Files.writeString(dir.resolve(HuntReport.HITS), lines + lines.substring(0, 40), StandardCharsets.UTF_8);

        HuntReport report = HuntReport.open(dir);
        try (Stream<HuntHit> hits = report.hits()) {
            assertThat(hits.map(HuntHit::sopInstanceUid)).containsExactly("1.2.3.4.5", "1.2.9.4.6", "1.2.3.4.7");
        }
        assertThat(report.hitsOfStudy("1.2.3")).extracting(HuntHit::sopInstanceUid)
                .containsExactly("1.2.3.4.5", "1.2.3.4.7");
    }

    @Test
    void aFolderWithoutSummaryIsNotAReport() {
        assertThatThrownBy(() -> HuntReport.open(dir)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theLatestReportIsTheOneStartedLast() throws IOException {
        write("hunt-20261130-170000", summary("older", Instant.parse("2026-11-30T17:00:00Z")));
        write("hunt-20261130-180000", summary("newer", Instant.parse("2026-11-30T18:00:00Z")));
        write("zz-copied-later", summary("oldest", Instant.parse("2026-11-29T18:00:00Z")));
        Files.createDirectories(dir.resolve("not-a-report"));

        assertThat(HuntReport.latest(dir)).map(r -> r.summary().huntId()).contains("newer");
    }

    private void write(String folder, HuntSummary summary) throws IOException {
        Path f = Files.createDirectories(dir.resolve(folder));
        Files.writeString(f.resolve(HuntReport.SUMMARY), HuntJson.summary(summary), StandardOpenOption.CREATE_NEW);
    }
}
