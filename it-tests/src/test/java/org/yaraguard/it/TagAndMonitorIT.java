package org.yaraguard.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actions that store: a {@code tag} rule (the tests' own it_tag_marker) stores the object with our private block
 * inserted, so that the file the archive writes carries it and its WADO-RS metadata serves it back (the archive
 * writes the file before it calls any coercion consumer); exactly one block also on the C-STORE path where the
 * 2-argument store calls the 3-argument one. Monitor mode (yara-guard.mode.aet, set by the build for one AE) stores
 * what enforce mode refuses and records what it would have done.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class TagAndMonitorIT extends DeployedArchive {

    @Test
    void tagRuleOnStowStoresTheObjectWithOurPrivateBlock() throws Exception {
        DicomSample tagged = samples("tag").image("tagged-stow", 201, DicomSamples.TAG_MARKER);

        StoreOutcome outcome = archive.stow(tagged.part10(), null);

        assertTaggedOnce(outcome, tagged.part10());
    }

    @Test
    void tagRuleOnCStoreStoresTheObjectWithOurPrivateBlockOnce() throws Exception {
        DicomSample tagged = samples("tag").image("tagged-cstore", 202, DicomSamples.TAG_MARKER);

        StoreOutcome outcome = archive.cStore(tagged.dataset(), "MODALITY2");

        assertTaggedOnce(outcome, tagged.dataset());
    }

    @Test
    void tagRuleOnTheMetadataPathStoresTheDatasetWithOurPrivateBlock() throws Exception {
        DicomSample tagged = samples("tag").image("tagged-metadata", 205, DicomSamples.TAG_MARKER);

        StoreOutcome outcome = archive.storeAttributes(tagged.part10(), "STOWCLIENT");

        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        JsonNode verdict = FindingsLog.verdicts().stream()
                .filter(v -> tagged.sopInstanceUid().equals(v.path("attributes").path("sopInstanceUid").asText()))
                .findFirst().orElseThrow();
        assertThat(verdict.path("action").asText()).isEqualTo("tag");
        assertThat(verdict.path("source").asText()).isEqualTo("stow-rs-metadata");
        ServedTags.assertTagged(archive.metadata(ArchiveRecord.read(outcome.records().get(0))), "it_tag_marker",
                verdict.path("sha256").asText());
    }

    @Test
    void monitorModeStoresWhatEnforceRefusesAndRecordsIt() throws Exception {
        DicomSample pdf = samples("monitor").pdf("pdf-js-monitor", 203, true);
        byte[] dataset = pdf.dataset();
        String sha256 = DicomSample.sha256(dataset);

        StoreOutcome monitored = archive.cStore(dataset, ItEnvironment.monitorAet());

        assertThat(monitored.stored()).as("outcome %s", monitored).isTrue();
        assertThat(monitored.records()).hasSize(1);
        assertThat(ArchiveRecord.read(monitored.records().get(0)).receivedBytes()).isEqualTo(dataset);
        assertThat(FindingsLog.verdictsFor(sha256)).singleElement().satisfies(verdict -> {
            assertThat(verdict.path("mode").asText()).isEqualTo("monitor");
            assertThat(verdict.path("action").asText()).isEqualTo("reject");
            assertThat(verdict.path("callingAet").asText()).isEqualTo(ItEnvironment.monitorAet());
            assertThat(verdict.path("quarantineId").isNull() || verdict.path("quarantineId").isMissingNode())
                    .as("quarantineId of %s", verdict).isTrue();
        });
        assertThat(QuarantineFolder.ids()).doesNotContain(sha256);

        DicomSample same = pdf.variant(204);
        StoreOutcome enforced = archive.cStore(same.dataset(), "MODALITY2");
        assertThat(enforced.refused()).as("outcome %s", enforced).isTrue();
    }

    private void assertTaggedOnce(StoreOutcome outcome, byte[] sent) throws Exception {
        String sha256 = DicomSample.sha256(sent);
        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.records()).hasSize(1);
        ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
        JsonNode served = archive.metadata(record);
        ServedTags.assertTagged(served, "it_tag_marker", sha256);
        List<String> creators = new ArrayList<>();
        served.fieldNames().forEachRemaining(tag -> {
            if (tag.startsWith("007700")) {
                creators.add(served.path(tag).path("Value").path(0).asText());
            }
        });
        assertThat(creators).as("one private block reserved").containsExactly(ServedTags.CREATOR);
        assertThat(record.persisted()).as("the default attribute filter keeps no private attribute")
                .noneMatch(a -> a.tag().startsWith("0077"));
        assertThat(FindingsLog.verdictsFor(sha256)).singleElement().satisfies(verdict -> {
            assertThat(verdict.path("action").asText()).isEqualTo("tag");
            assertThat(FindingsLog.rules(verdict)).contains("it_tag_marker");
        });
    }
}
