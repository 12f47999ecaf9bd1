package org.yaraguard.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.ReviewTrail;

/** A view is one line in the findings log and one rewrite of the sidecar; the sidecar's trail stays bounded. */
class ViewRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.60";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ReviewFixture fixture;
    private QuarantineEntry entry;
    private QuarantineReview review;

    @BeforeEach
    void quarantine() throws Exception {
        fixture = new ReviewFixture(dir);
        byte[] bytes = fixture.polyglot("viewed", STUDY, STUDY + ".1", STUDY + ".1.1", "Viewed^Often");
        entry = fixture.quarantine(bytes, true, STUDY, STUDY + ".1", STUDY + ".1.1", "Viewed^Often",
                "PE_In_Preamble", "preamble", 0, NOW);
        review = new QuarantineReview(fixture.settings(null, 0), StowClient.anonymous(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aViewRewritesTheSidecarOnceAndListingNever() throws Exception {
        Object before = fileKey(entry.sidecar());
        review.studies(EntryFilter.all());
        review.list(EntryFilter.all());
        assertThat(fileKey(entry.sidecar())).as("listing rewrote the sidecar").isEqualTo(before);

        review.show(entry.id().substring(0, 12), "alice");

        assertThat(fileKey(entry.sidecar())).isNotEqualTo(before);
        JsonNode sidecar = JSON.readTree(entry.sidecar().toFile());
        assertThat(sidecar.get("review")).hasSize(1);
        assertThat(sidecar.get("review").get(0).get("event").asText()).isEqualTo("view");
        assertThat(fixture.findingsLines()).filteredOn(l -> l.contains("\"event\":\"view\"")).hasSize(1);
    }

    @Test
    void manyViewsKeepTheLatestEventsAndCountTheRestWhileTheFindingsLogKeepsAll() throws Exception {
        int views = ReviewTrail.KEPT + 20;
        for (int i = 0; i < views; i++) {
            review.show(entry.id(), "viewer-" + i);
        }

        JsonNode sidecar = JSON.readTree(entry.sidecar().toFile());
        assertThat(sidecar.get("review")).hasSize(ReviewTrail.KEPT);
        assertThat(sidecar.get("review").get(0).get("user").asText()).isEqualTo("viewer-20");
        assertThat(sidecar.get("reviewOmitted").asLong()).isEqualTo(20);
        assertThat(fixture.findingsLines()).filteredOn(l -> l.contains("\"event\":\"view\"")).hasSize(views);
        assertThat(review.find(entry.id()).review()).hasSize(ReviewTrail.KEPT);
    }

    /** The inode: the sidecar is replaced by a rename, so a rewrite gives it a new one. */
    private static Object fileKey(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
