package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Datasets as C-STORE delivers them: a real file with its preamble and file meta stripped. */
class DicomInspectorBareDatasetTest {

    private static final InspectionLimits LIMITS = InspectionLimits.defaults();
    private static final DicomInspector INSPECTOR = new DicomInspector(LIMITS);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} detected as {1}")
    @CsvSource({
        "+te, 1.2.840.10008.1.2.1",
        "+ti, 1.2.840.10008.1.2",
        "+tb, 1.2.840.10008.1.2.2",
    })
    void detectsTheSyntaxOfABareDatasetWithoutAHint(String option, String uid) throws IOException {
        byte[] dataset = bareDataset(option);

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), null);

        InspectionInvariants.check(dataset, inspection, LIMITS);
        assertThat(inspection.part10()).isFalse();
        assertThat(inspection.transferSyntaxUid()).isEqualTo(uid);
        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.regions()).extracting(Region::name)
                .containsExactly(Region.PRIVATE_VALUE, Region.PRIVATE_VALUE);
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @ParameterizedTest(name = "{0} with hint {1}")
    @CsvSource({
        "+te, 1.2.840.10008.1.2.1",
        "+ti, 1.2.840.10008.1.2",
        "+tb, 1.2.840.10008.1.2.2",
        "+td, 1.2.840.10008.1.2.1.99",
    })
    void usesTheHintForABareDataset(String option, String hint) throws IOException {
        byte[] dataset = bareDataset(option);

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), hint);

        InspectionInvariants.check(dataset, inspection, LIMITS);
        assertThat(inspection.transferSyntaxUid()).isEqualTo(hint);
        assertThat(inspection.anomalies()).isEmpty();
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @Test
    void aDeflatedBareDatasetWithoutAHintIsNotMistakenForAValidDataset() throws IOException {
        byte[] dataset = bareDataset("+td");

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), null);

        InspectionInvariants.check(dataset, inspection, LIMITS);
        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.MALFORMED);
    }

    @Test
    void ignoresAHintThatIsNotAUidAndDetectsInstead() throws IOException {
        byte[] dataset = bareDataset("+ti");

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), "1.2.840.10008.1.2.1\n; rm -rf /");

        assertThat(inspection.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2");
        assertThat(inspection.anomalies()).isEmpty();
    }

    @Test
    void ignoresTheHintForAPart10File() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                "+ti"));

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(file), "1.2.840.10008.1.2.2");

        assertThat(inspection.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2");
        assertThat(inspection.anomalies()).isEmpty();
    }

    private byte[] bareDataset(String option) throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                option));
        return Arrays.copyOfRange(file, DcmtkFixture.datasetStart(file), file.length);
    }
}
