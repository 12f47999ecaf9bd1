package org.yaraguard.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actions that store: a {@code tag} rule (the tests' own it_tag_marker) stores the object unchanged and adds our
 * private attributes through the archive's coercion consumer, exactly once also on the C-STORE path where the
 * 2-argument store calls the 3-argument one; monitor mode (yara-guard.mode.aet, set by the build for one AE)
 * stores what enforce mode refuses and records what it would have done.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class TagAndMonitorIT extends DeployedArchive {

    @Test
    void tagRuleOnStowStoresTheObjectAndAddsPrivateAttributes() throws Exception {
        DicomSample tagged = samples("tag").image("tagged-stow", 201, DicomSamples.TAG_MARKER);

        StoreOutcome outcome = archive.stow(tagged.part10(), null);

        assertTaggedOnce(outcome, tagged.part10());
    }

    @Test
    void tagRuleOnCStoreAddsPrivateAttributesOnce() throws Exception {
        DicomSample tagged = samples("tag").image("tagged-cstore", 202, DicomSamples.TAG_MARKER);

        StoreOutcome outcome = archive.cStore(tagged.dataset(), "MODALITY2");

        assertTaggedOnce(outcome, tagged.dataset());
    }

    @Test
    void monitorModeStoresWhatEnforceRefusesAndRecordsIt() throws Exception {
        DicomSample pdf = samples("monitor").pdf("pdf-js-monitor", 203, true);
        byte[] dataset = pdf.dataset();
        String sha256 = DicomSample.sha256(dataset);

        StoreOutcome monitored = archive.cStore(dataset, ItEnvironment.monitorAet());

        assertThat(monitored.stored()).as("outcome %s", monitored).isTrue();
        assertThat(monitored.records()).hasSize(1);
        assertThat(ArchiveRecord.read(monitored.records().get(0)).storedBytes()).isEqualTo(dataset);
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

    private static void assertTaggedOnce(StoreOutcome outcome, byte[] sent) throws Exception {
        String sha256 = DicomSample.sha256(sent);
        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.records()).hasSize(1);
        ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
        assertThat(record.storedBytes()).isEqualTo(sent);
        List<ArchiveRecord.AddedAttribute> ours = record.privateAttributes();
        assertThat(ours).as("private attributes the consumer added: %s", record.added()).isNotEmpty();
        assertThat(ours).extracting(ArchiveRecord.AddedAttribute::value).anyMatch(v -> v.contains("it_tag_marker"));
        assertThat(ours).extracting(ArchiveRecord.AddedAttribute::creator).containsOnly(ours.get(0).creator());
        List<ArchiveRecord.AddedAttribute> creatorElements = record.added().stream()
                .filter(a -> a.creator() == null && a.value().equals(ours.get(0).creator())).toList();
        assertThat(creatorElements).as("one private block reserved: %s", record.added()).hasSize(1);
        assertThat(FindingsLog.verdictsFor(sha256)).singleElement().satisfies(verdict -> {
            assertThat(verdict.path("action").asText()).isEqualTo("tag");
            assertThat(FindingsLog.rules(verdict)).contains("it_tag_marker");
        });
    }
}
