package org.yaraguard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself: the stand-in archive deploys into the test WildFly with the dcm4che stand-in modules, and
 * a clean object goes through the C-STORE-like and the STOW-like entry point and is stored byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
class StandInArchiveSmokeIT {

    private final ArchiveClient archive = new ArchiveClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return StandInArchive.ear();
    }

    @Test
    void cleanObjectIsStoredByteIdenticalThroughCStore() throws Exception {
        DicomSample clean = new DicomSamples(ItEnvironment.samplesFolder().resolve("smoke")).image("clean", 1, null);

        StoreOutcome outcome = archive.cStore(clean.dataset(), "SMOKE");

        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.records()).hasSize(1);
        ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
        assertThat(record.entry()).isEqualTo("store-stream");
        assertThat(record.callingAet()).isEqualTo("SMOKE");
        assertThat(record.sopInstanceUid()).isEqualTo(clean.sopInstanceUid());
        assertThat(record.storedBytes()).isEqualTo(clean.dataset());
    }

    @Test
    void cleanObjectIsStoredByteIdenticalThroughStow() throws Exception {
        DicomSample clean = new DicomSamples(ItEnvironment.samplesFolder().resolve("smoke")).pdf("clean-pdf", 2,
                false);

        StoreOutcome outcome = archive.stow(clean.part10(), null);

        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
        assertThat(record.sopInstanceUid()).isEqualTo(clean.sopInstanceUid());
        assertThat(record.storedBytes()).isEqualTo(clean.part10());
    }
}
