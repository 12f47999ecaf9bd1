package org.yaraguard.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.RulesStatusFile;

class QuarantineReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String STUDY_A = "1.2.826.0.1.3680043.2.1125.10";
    private static final String STUDY_B = "1.2.826.0.1.3680043.2.1125.20";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ReviewFixture fixture;
    private byte[] polyglot;
    private QuarantineEntry pe;
    private QuarantineEntry bare;
    private QuarantineEntry other;
    private final String storedSha = "ab".repeat(32);

    @BeforeEach
    void quarantine() throws Exception {
        fixture = new ReviewFixture(dir);
        polyglot = fixture.polyglot("pe", STUDY_A, STUDY_A + ".1", STUDY_A + ".1.1", "<script>alert(1)</script>");
        pe = fixture.quarantine(polyglot, true, STUDY_A, STUDY_A + ".1", STUDY_A + ".1.1",
                "<script>alert(1)</script>", "PE_In_Preamble", "preamble", 0, NOW.minus(Duration.ofHours(2)));
        byte[] dataset = fixture.object("bare", STUDY_A, STUDY_A + ".2", STUDY_A + ".2.1", "Bare^Set", false);
        bare = fixture.quarantine(dataset, false, STUDY_A, STUDY_A + ".2", STUDY_A + ".2.1", "Bare^Set",
                "Payload_Marker", "object", indexOf(dataset, "EVIL-PAYLOAD"), NOW.minus(Duration.ofDays(3)));
        byte[] third = fixture.object("third", STUDY_B, STUDY_B + ".1", STUDY_B + ".1.1", "Other^One", true);
        other = fixture.quarantine(third, true, STUDY_B, STUDY_B + ".1", STUDY_B + ".1.1", "Other^One",
                "Payload_Marker", "object", indexOf(third, "EVIL-PAYLOAD"), NOW.minus(Duration.ofDays(40)));
        fixture.stored(storedSha, STUDY_B, STUDY_B + ".2", "Suspicious_Tag", NOW.minus(Duration.ofMinutes(5)));
    }

    private QuarantineReview review(int retentionDays) {
        return new QuarantineReview(fixture.settings(null, retentionDays), StowClient.anonymous(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void listsQuarantinedAndStoredEntriesByStudyThenSeries() throws Exception {
        List<StudyGroup> studies = review(0).studies(EntryFilter.all());

        assertThat(studies).extracting(StudyGroup::studyUid).containsExactly(STUDY_B, STUDY_A);
        StudyGroup b = studies.get(0);
        assertThat(b.series()).extracting(SeriesGroup::seriesUid).containsExactly(STUDY_B + ".2", STUDY_B + ".1");
        assertThat(b.series().get(0).entries()).singleElement()
                .satisfies(e -> {
                    assertThat(e.id()).isEqualTo(storedSha);
                    assertThat(e.status()).isEqualTo(ReviewEntry.STORED);
                    assertThat(e.quarantined()).isFalse();
                    assertThat(e.action()).isEqualTo("tag");
                });
        StudyGroup a = studies.get(1);
        assertThat(a.series()).extracting(SeriesGroup::seriesUid).containsExactly(STUDY_A + ".1", STUDY_A + ".2");
        ReviewEntry first = a.series().get(0).entries().get(0);
        assertThat(first.id()).isEqualTo(pe.id());
        assertThat(first.status()).isEqualTo(ReviewEntry.QUARANTINED);
        assertThat(first.attributes().patientName()).isEqualTo("<script>alert(1)</script>");
        assertThat(first.callingAet()).isEqualTo("MODALITY1");
        assertThat(first.matches()).singleElement().extracting(MatchView::rule, MatchView::region)
                .containsExactly("PE_In_Preamble", "preamble");
        assertThat(first.bytes()).isEqualTo(polyglot.length);
    }

    @Test
    void filtersByStudySinceAndRule() throws Exception {
        QuarantineReview review = review(0);

        assertThat(review.list(new EntryFilter(STUDY_A, null, null))).extracting(ReviewEntry::id)
                .containsExactlyInAnyOrder(pe.id(), bare.id());
        assertThat(review.list(new EntryFilter(null, NOW.minus(Duration.ofDays(1)), null)))
                .extracting(ReviewEntry::id).containsExactly(storedSha, pe.id());
        assertThat(review.list(new EntryFilter(null, null, "Payload_Marker"))).extracting(ReviewEntry::id)
                .containsExactlyInAnyOrder(bare.id(), other.id());
        assertThat(review.list(new EntryFilter(null, null, "default:PE_In_Preamble"))).extracting(ReviewEntry::id)
                .containsExactly(pe.id());
        assertThat(review.list(new EntryFilter(STUDY_B, null, "PE_In_Preamble"))).isEmpty();
    }

    @Test
    void findsByUniquePrefixAndRefusesBadIds() throws Exception {
        QuarantineReview review = review(0);

        assertThat(review.find(pe.id().substring(0, 12).toUpperCase()).id()).isEqualTo(pe.id());
        assertThatThrownBy(() -> review.find("../../etc/passwd")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> review.find("abc")).isInstanceOf(ReviewException.class);
        assertThatThrownBy(() -> review.find("0000000000")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("no entry");
    }

    @Test
    void refusesAnAmbiguousPrefix() throws Exception {
        String twin = storedSha.substring(0, 10) + "cd".repeat(27);
        fixture.stored(twin, STUDY_B, STUDY_B + ".3", "Suspicious_Tag", NOW);

        assertThatThrownBy(() -> review(0).find(storedSha.substring(0, 10))).isInstanceOf(ReviewException.class)
                .hasMessageContaining("ambiguous");
        assertThat(review(0).find(storedSha.substring(0, 11)).id()).isEqualTo(storedSha);
    }

    @Test
    void showsThePreambleAndTheMatchedBytesAndRecordsTheView() throws Exception {
        EntryDetail detail = review(0).show(pe.id().substring(0, 8), "alice");

        assertThat(detail.head().offset()).isZero();
        assertThat(detail.head().bytes()).hasSize(132);
        assertThat(detail.head().hexLines().get(0)).startsWith("00000000  4d 5a 90 00").endsWith("|MZ..This program|");
        assertThat(detail.head().hexLines()).hasSize(9);
        assertThat(detail.matched()).singleElement().satisfies(w -> {
            assertThat(w.offset()).isZero();
            assertThat(w.label()).contains("PE_In_Preamble");
        });

        EntryDetail marker = review(0).show(bare.id(), "alice");
        ByteWindow window = marker.matched().get(0);
        assertThat(new String(window.bytes(), StandardCharsets.ISO_8859_1)).contains("EVIL-PAYLOAD");
        assertThat(window.bytes().length).isLessThanOrEqualTo(HexViews.WINDOW_BYTES);

        JsonNode last = JSON.readTree(lastLine());
        assertThat(last.path("event").asText()).isEqualTo("view");
        assertThat(last.path("id").asText()).isEqualTo(bare.id());
        assertThat(last.path("user").asText()).isEqualTo("alice");
        assertThat(JSON.readTree(bare.sidecar().toFile()).path("review").get(0).path("event").asText())
                .isEqualTo("view");
    }

    @Test
    void derivedOffsetsAreNotedNotShown() throws Exception {
        byte[] bytes = fixture.object("deflated", STUDY_B, STUDY_B + ".5", STUDY_B + ".5.1", "Deflated^One", true);
        QuarantineEntry entry = fixture.quarantine(bytes, true, STUDY_B, STUDY_B + ".5", STUDY_B + ".5.1",
                "Deflated^One", "Inflated_Marker", "inflated_dataset", 12, NOW);

        EntryDetail detail = review(0).show(entry.id(), "alice");

        assertThat(detail.matched()).isEmpty();
        assertThat(detail.notes()).singleElement().asString().contains("Inflated_Marker")
                .contains("inflated_dataset");
    }

    @Test
    void recordsInAFindingsLogRotatedAsTheServerConfigurationSays() throws Exception {
        java.util.Properties server = new java.util.Properties();
        server.setProperty(ReviewSettings.QUARANTINE_DIR, fixture.quarantine.toString());
        server.setProperty(ReviewSettings.FINDINGS_LOG, fixture.findings.toString());
        server.setProperty("yara-guard.findings.max.bytes", "600");
        server.setProperty("yara-guard.findings.keep", "2");
        QuarantineReview configured = new QuarantineReview(ReviewSettings.from(server), StowClient.anonymous(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        for (int i = 0; i < 6; i++) {
            configured.show(pe.id(), "alice");
        }

        assertThat(Files.size(fixture.findings)).isLessThanOrEqualTo(600);
        assertThat(fixture.findings.resolveSibling("findings.log.1")).exists();
        assertThat(fixture.findings.resolveSibling("findings.log.3")).doesNotExist();
    }

    @Test
    void purgeNeedsAReasonAndRecordsIt() throws Exception {
        QuarantineReview review = review(0);
        assertThatThrownBy(() -> review.purge(pe.id(), " ", "alice")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("reason");
        assertThat(pe.object()).exists();

        review.purge(pe.id().substring(0, 9), "confirmed malware", "alice");

        assertThat(pe.object()).doesNotExist();
        assertThat(pe.sidecar()).doesNotExist();
        JsonNode last = JSON.readTree(lastLine());
        assertThat(last.path("event").asText()).isEqualTo("purge");
        assertThat(last.path("id").asText()).isEqualTo(pe.id());
        assertThat(last.path("reason").asText()).isEqualTo("confirmed malware");
        assertThat(review.list(EntryFilter.all())).extracting(ReviewEntry::id).doesNotContain(pe.id());
        assertThatThrownBy(() -> review.purge(storedSha, "no", "alice")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("stored");
    }

    @Test
    void purgesOlderThanAgeOnly() throws Exception {
        ageFiles();

        List<String> purged = review(0).purgeOlderThan(Duration.ofDays(2), "clean-up", "bob");

        assertThat(purged).containsExactlyInAnyOrder(bare.id(), other.id());
        assertThat(pe.object()).exists();
        assertThat(fixture.findingsLines().stream().filter(l -> l.contains("\"event\":\"purge\""))).hasSize(2);
    }

    @Test
    void theHooksRulesStatusInTheQuarantineIsNeitherAnEntryNorUnreadableNorPurged() throws Exception {
        new RulesStatusFile(fixture.quarantine, dir.resolve("rules"), Clock.fixed(NOW, ZoneOffset.UTC))
                .refused("id", List.of());
        List<Unreadable> unreadable = new ArrayList<>();

        List<StudyGroup> studies = review(0).studies(EntryFilter.all(), unreadable::add);

        assertThat(studies).extracting(StudyGroup::studyUid).containsExactly(STUDY_B, STUDY_A);
        assertThat(unreadable).isEmpty();
        ageFiles();
        review(30).applyRetention();
        assertThat(RulesStatusFile.read(fixture.quarantine)).isPresent();
    }

    @Test
    void retentionPurgesAfterNDaysNeverSooner() throws Exception {
        ageFiles();

        List<String> purged = review(30).applyRetention();

        assertThat(purged).containsExactly(other.id());
        assertThat(bare.object()).exists();
        JsonNode last = JSON.readTree(lastLine());
        assertThat(last.path("user").asText()).isEqualTo(QuarantineReview.RETENTION_USER);
        assertThat(last.path("reason").asText()).contains("30 days");
        assertThat(review(0).applyRetention()).isEmpty();
    }

    @Test
    void retentionKeepsAnEntryWhoseFileIsYoungerThanItsClaimedReceiveTime() throws Exception {
        List<String> purged = review(30).applyRetention();

        assertThat(purged).isEmpty();
        assertThat(other.object()).exists();
    }

    @Test
    void exportsADefangedArchive() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        review(0).export(pe.id(), zip, "carol");

        List<String> names = new ArrayList<>();
        byte[] object = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                byte[] content = in.readAllBytes();
                if (e.getName().endsWith(".bin")) {
                    object = content;
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder("README.txt", pe.id() + ".sidecar.json.txt",
                pe.id() + ".dcm.xor5a.bin");
        assertThat(names).allSatisfy(n -> assertThat(n).doesNotEndWith(".exe").doesNotEndWith(".dcm")
                .doesNotEndWith(".pdf").doesNotContain("/"));
        assertThat(object).hasSameSizeAs(polyglot);
        assertThat(Arrays.copyOf(object, 2)).isNotEqualTo("MZ".getBytes(StandardCharsets.US_ASCII));
        byte[] decoded = object.clone();
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] ^= 0x5a;
        }
        assertThat(decoded).isEqualTo(polyglot);
        assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(decoded)))
                .isEqualTo(pe.id());
        assertThat(JSON.readTree(lastLine()).path("event").asText()).isEqualTo("export");
    }

    private void ageFiles() throws Exception {
        Files.setLastModifiedTime(bare.object(), FileTime.from(NOW.minus(Duration.ofDays(3))));
        Files.setLastModifiedTime(other.object(), FileTime.from(NOW.minus(Duration.ofDays(40))));
    }

    private String lastLine() throws Exception {
        List<String> lines = fixture.findingsLines();
        return lines.get(lines.size() - 1);
    }

    static long indexOf(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    }
}
