package org.yaraguard.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself: the stand-in archive deploys into the test WildFly with the dcm4che stand-in modules, and
 * a clean object goes through each entry point: stored once, byte for byte, with no verdict in the findings log.
 */
class StandInArchiveSmokeIT extends DeployedArchive {

    @Test
    void cleanObjectIsStoredByteIdenticalThroughCStore() throws Exception {
        DicomSample clean = samples("smoke").image("clean", 1, null);

        StoreOutcome outcome = archive.cStore(clean.dataset(), "SMOKE");

        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.records()).hasSize(1);
        ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
        assertThat(record.entry()).isEqualTo("store-stream");
        assertThat(record.callingAet()).isEqualTo("SMOKE");
        assertThat(record.sopInstanceUid()).isEqualTo(clean.sopInstanceUid());
        assertThat(record.receivedBytes()).isEqualTo(clean.dataset());
        assertThat(FindingsLog.verdictsFor(DicomSample.sha256(clean.dataset()))).isEmpty();
    }

    @Test
    void cleanObjectIsStoredByteIdenticalThroughStow() throws Exception {
        DicomSample clean = samples("smoke").pdf("clean-pdf", 2, false);

        StoreOutcome outcome = archive.stow(clean.part10(), null);

        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.records()).hasSize(1);
        ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
        assertThat(record.sopInstanceUid()).isEqualTo(clean.sopInstanceUid());
        assertThat(record.receivedBytes()).isEqualTo(clean.part10());
        assertThat(FindingsLog.verdictsFor(clean.sha256())).isEmpty();
    }

    @Test
    void cleanObjectIsStoredThroughTheAttributePaths() throws Exception {
        DicomSample clean = samples("smoke").pdf("clean-pdf-attributes", 3, false);

        StoreOutcome metadata = archive.storeAttributes(clean.part10(), "STOWCLIENT");
        StoreOutcome imported = archive.importOnStorage(clean.variant(4).part10());

        assertThat(metadata.stored()).as("outcome %s", metadata).isTrue();
        assertThat(imported.stored()).as("outcome %s", imported).isTrue();
        assertThat(metadata.records()).hasSize(1);
        assertThat(imported.records()).hasSize(1);
        assertThat(ArchiveRecord.read(metadata.records().get(0)).entry()).isEqualTo("store-attributes");
        assertThat(ArchiveRecord.read(imported.records().get(0)).entry()).isEqualTo("import");
    }
}
