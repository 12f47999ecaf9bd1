package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point, not the bytes, decides whether an object may carry a preamble. */
class DicomInspectorFramingTest {

    private static final InspectionLimits LIMITS = InspectionLimits.defaults();
    private static final DicomInspector INSPECTOR = new DicomInspector(LIMITS);
    /** Where the value of (0009,1001) starts in {@link #datasetWithDicmAt128()}. */
    private static final int VALUE_START = 58;

    @TempDir
    Path folder;

    @Test
    void aBareDatasetWhoseBytes128To131ReadDicmIsStillADataset() {
        byte[] dataset = datasetWithDicmAt128();

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), Framing.BARE, Syntax.EXPLICIT_LE_UID);

        InspectionInvariants.check(dataset, inspection, LIMITS);
        assertThat(inspection.part10()).isFalse();
        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.regions()).extracting(Region::name, Region::offset, Region::tag)
                .containsExactly(tuple(Region.PRIVATE_VALUE, (long) VALUE_START,
                        0x00091001));
        assertThat(inspection.attributes().sopClassUid()).isEqualTo(DcmtkFixture.SECONDARY_CAPTURE);
    }

    @Test
    void detectTakesTheSameBytesForAPart10File() {
        byte[] dataset = datasetWithDicmAt128();

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), Framing.DETECT, null);

        assertThat(inspection.part10()).isTrue();
    }

    @Test
    void aPart10FileIsReadTheSameWithPart10AndDetectFraming() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));

        Inspection part10 = INSPECTOR.inspect(ByteBuffer.wrap(file), Framing.PART10, null);
        Inspection detected = INSPECTOR.inspect(ByteBuffer.wrap(file), Framing.DETECT, null);

        assertThat(part10.part10()).isTrue();
        assertThat(part10.anomalies()).isEmpty();
        assertThat(part10.regions()).extracting(Region::name, Region::offset)
                .isEqualTo(detected.regions().stream().map(r -> tuple(r.name(),
                        r.offset())).toList());
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(part10.attributes());
    }

    @Test
    void aPart10FileWithoutPreambleIsReadFromItsFileMetaAsDcm4cheDoes() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                "+ti"));
        byte[] headless = Arrays.copyOfRange(file, Preamble.PREFIX_END, file.length);

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(headless), Framing.PART10, null);

        InspectionInvariants.check(headless, inspection, LIMITS);
        assertThat(inspection.part10()).isTrue();
        assertThat(inspection.transferSyntaxUid()).isEqualTo(Syntax.IMPLICIT_LE_UID);
        assertThat(inspection.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.NO_PREAMBLE);
        assertThat(inspection.incomplete()).isFalse();
        assertThat(inspection.regions()).extracting(Region::name)
                .containsExactly(Region.PRIVATE_VALUE, Region.PRIVATE_VALUE);
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @Test
    void aPart10ObjectWithNeitherPreambleNorFileMetaIsIncomplete() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));
        byte[] dataset = Arrays.copyOfRange(file, DcmtkFixture.datasetStart(file), file.length);

        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(dataset), Framing.PART10, null);

        assertThat(inspection.incomplete()).isTrue();
        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.SYNTAX_GUESSED);
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    /** SOP Class UID, a private creator and a private OB whose bytes at object offset 128 read "DICM" 02 00. */
    private static byte[] datasetWithDicmAt128() {
        byte[] sopClass = (DcmtkFixture.SECONDARY_CAPTURE + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[300];
        byte[] marker = {'D', 'I', 'C', 'M', 2, 0};
        System.arraycopy(marker, 0, value, Preamble.LENGTH - VALUE_START, marker.length);
        byte[] dataset = new DatasetBytes()
                .explicit(0x00080016, "UI", sopClass)
                .explicit(0x00090010, "LO", "ACME".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00091001, "OB", value)
                .bytes();
        assertThat(new String(dataset, Preamble.LENGTH, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
        return dataset;
    }
}
