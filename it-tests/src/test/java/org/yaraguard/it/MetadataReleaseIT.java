package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.dcm4che3.data.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.yaraguard.review.QuarantineReview;
import org.yaraguard.review.ReviewSettings;
import org.yaraguard.review.StowClient;
import org.yaraguard.it.archive.store.StandInDicomReader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: a refused metadata-path store (STOW-RS metadata, {@code store(ctx, Attributes)}) is quarantined as the
 * whole dataset it was given, so that releasing it through the engine's review (as the CLI and console do) stores
 * the object that was sent: every attribute, the sequence and the private element included, as WADO-RS serves it.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class MetadataReleaseIT extends DeployedArchive {

    @Test
    void releasedMetadataEntryIsServedWithEveryAttributeSent() throws Exception {
        DicomSample sent = samples("metadata-release").richPdfWithJavaScript("metadata-release", 801);
        Attributes original = StandInDicomReader.read(sent.part10(), null);
        assertThat(original.tags()).as("the top-level attributes dump2dcm wrote, sequence included").hasSize(30);

        StoreOutcome refused = archive.storeAttributes(sent.part10(), "STOWCLIENT");

        assertThat(refused.refused()).as("outcome %s", refused).isTrue();
        assertThat(refused.message()).contains("pdf_");
        assertThat(refused.records()).isEmpty();
        QuarantineReview.Release release = review().release(quarantinedId(sent), "report checked by the reviewer",
                "it-reviewer");
        assertThat(release.httpStatus()).isEqualTo(200);

        ArchiveRecord stored = storedOnce(sent);
        JsonNode served = archive.metadata(stored);
        assertThat(servedTags(served)).as("served attributes beyond YARA Guard's block (group 0077)")
                .isEqualTo(tagsOf(original));
        for (int tag : original.tags()) {
            String key = String.format("%08X", tag);
            assertThat(served.path(key).path("vr").asText()).as("VR of %s", key).isEqualTo(original.getVR(tag).name());
            if (original.getVR(tag).isStringType()) {
                assertThat(strings(served.path(key))).as("value of %s", key)
                        .containsExactly(original.getStrings(tag));
            } else {
                assertThat(bytes(served.path(key))).as("value of %s", key).isEqualTo(original.getBytes(tag));
            }
        }
        assertThat(strings(served.path("00110010"))).containsExactly("YARA GUARD IT");
        assertThat(strings(served.path("00111001"))).containsExactly("private text that must survive a release");
        assertThat(new String(bytes(served.path("00081032")), StandardCharsets.ISO_8859_1))
                .as("the Procedure Code Sequence's item").contains("RT801", "99LOCAL", "Release test procedure");
        assertThat(new String(bytes(served.path("00420011")), StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-1.4").contains("/JavaScript");
    }

    /** The review as the CLI and console configure it: the plugin's folders and the stand-in's STOW-RS endpoint. */
    private static QuarantineReview review() {
        ReviewSettings settings = new ReviewSettings(ItEnvironment.quarantineFolder(), ItEnvironment.findingsLog(),
                ItEnvironment.approvalsFolder(), URI.create(ArchiveClient.stowRsUrl()), Duration.ofHours(1), 0);
        return new QuarantineReview(settings, StowClient.anonymous(), Clock.systemUTC());
    }

    private static String quarantinedId(DicomSample sent) throws Exception {
        try (Stream<Path> kept = Files.list(ItEnvironment.quarantineFolder().resolve(sent.studyInstanceUid()))) {
            List<String> ids = kept.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dcm"))
                    .map(n -> n.substring(0, n.length() - ".dcm".length())).toList();
            assertThat(ids).as("the metadata store's quarantine entry").hasSize(1);
            return ids.get(0);
        }
    }

    private static ArchiveRecord storedOnce(DicomSample sent) throws Exception {
        List<ArchiveRecord> records = ArchiveRecord.all().stream()
                .filter(r -> sent.sopInstanceUid().equals(r.sopInstanceUid())).toList();
        assertThat(records).as("stores of the released object").hasSize(1);
        return records.get(0);
    }

    private static Set<String> servedTags(JsonNode served) {
        Set<String> tags = new HashSet<>();
        served.fieldNames().forEachRemaining(tag -> {
            if (!tag.startsWith("0077")) {
                tags.add(tag);
            }
        });
        return tags;
    }

    private static Set<String> tagsOf(Attributes attributes) {
        Set<String> tags = new HashSet<>();
        for (int tag : attributes.tags()) {
            tags.add(String.format("%08X", tag));
        }
        return tags;
    }

    private static String[] strings(JsonNode element) {
        List<String> values = new ArrayList<>();
        element.path("Value").forEach(v -> values.add(v.asText()));
        return values.toArray(String[]::new);
    }

    private static byte[] bytes(JsonNode element) {
        return Base64.getDecoder().decode(element.path("InlineBinary").asText());
    }
}
