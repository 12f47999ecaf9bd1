package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaraguard.engine.dicom.DicomInspectorRegionsTest.concat;
import static org.yaraguard.engine.dicom.DicomInspectorTransferSyntaxTest.regions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes dcm4che's DicomInputStream reads on through, which our reader must read the same way (or fail closed):
 * issue 7 classes 4 and 5.
 */
class DicomInspectorDifferentialTest {

    private static final InspectionLimits LIMITS = InspectionLimits.defaults();
    private static final DicomInspector INSPECTOR = new DicomInspector(LIMITS);
    private static final byte[] PAYLOAD = DcmtkFixture.privateValue();

    @TempDir
    Path folder;

    @Test
    void readsOnAfterATagOutOfOrder() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00080060, "CS", "OT".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00091001, "OB", PAYLOAD).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().modality()).isEqualTo("OT");
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @Test
    void readsAnImplicitVrUndefinedLengthPrivateValueAsASequence() {
        byte[] dataset = new DatasetBytes()
                .implicit(0x00091010, DatasetBytes.UNDEFINED)
                .item(DatasetBytes.UNDEFINED).implicit(0x00111001, PAYLOAD.length).raw(PAYLOAD).itemDelimiter()
                .sequenceDelimiter()
                .implicit(0x00100020, 2).raw("ID".getBytes(StandardCharsets.US_ASCII)).bytes();

        Inspection inspection = inspect(dataset, Syntax.IMPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
        assertPayloadRegionAt(inspection, 0x00111001);
    }

    @Test
    void takesAGuessedSequenceThatDoesNotParseAsAPlainValue() {
        byte[] value = concat(new DatasetBytes().item(16).bytes(), PAYLOAD);
        byte[] dataset = new DatasetBytes()
                .implicit(0x00091001, value.length).raw(value)
                .implicit(0x00100020, 2).raw("ID".getBytes(StandardCharsets.US_ASCII)).bytes();

        Inspection inspection = inspect(dataset, Syntax.IMPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
        assertThat(regions(inspection, Region.PRIVATE_VALUE)).singleElement()
                .satisfies(region -> assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(value));
    }

    @Test
    void readsAnUndefinedLengthUnSequenceInExplicitVrWhenItsFirstElementCarriesAVr() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00091010, "UN", DatasetBytes.UNDEFINED)
                .item(DatasetBytes.UNDEFINED).explicit(0x00111001, "OB", PAYLOAD).itemDelimiter()
                .sequenceDelimiter().bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertPayloadRegionAt(inspection, 0x00111001);
    }

    @Test
    void readsAnUnknownVrOfAPrivateTagAsUnLikeDcm4che() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00091001, "UN", PAYLOAD)
                .explicit(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII)).bytes();
        dataset[4] = 'Z';
        dataset[5] = 'Z';

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @Test
    void anUnknownVrOfAStandardTagMakesTheInspectionIncomplete() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00080060, "CS", "OT".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII)).bytes();
        dataset[14] = 'Z';
        dataset[15] = 'Z';

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.UNKNOWN_VR, Anomaly.Kind.TRAILING_DATA);
        assertThat(inspection.incomplete()).isTrue();
        assertThat(regions(inspection, Region.TRAILING_DATA).get(0).offset()).isEqualTo(10);
    }

    @Test
    void readsAnUndefinedLengthTextValueAsFragmentsLikeDcm4che() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00091001, "UT", DatasetBytes.UNDEFINED)
                .item(PAYLOAD.length).raw(PAYLOAD).sequenceDelimiter().bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @Test
    void skipsAStrayItemAtTopLevelByItsLength() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00080060, "CS", "OT".getBytes(StandardCharsets.US_ASCII))
                .item(4).raw(new byte[4])
                .explicit(0x00091001, "OB", PAYLOAD).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @ParameterizedTest(name = "{0} zero bytes")
    @ValueSource(ints = {1, 7, 8, 13, 4096})
    void zeroPaddingAfterTheDatasetIsBenign(int zeros) throws IOException {
        byte[] file = sample("+te");

        Inspection inspection = inspect(concat(file, new byte[zeros]), null);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.ZERO_PADDING);
        assertThat(inspection.incomplete()).isFalse();
    }

    @Test
    void zerosFollowedByOtherBytesAreNotPadding() throws IOException {
        byte[] file = sample("+te");

        Inspection inspection = inspect(concat(file, concat(new byte[64], PAYLOAD)), null);

        assertThat(inspection.incomplete()).isTrue();
        assertThat(regions(inspection, Region.TRAILING_DATA)).isNotEmpty();
    }

    @ParameterizedTest(name = "group length {0}")
    @ValueSource(ints = {-2, -8, 8, 1000})
    void aFileMetaGroupLengthThatLiesMakesTheInspectionIncomplete(int change) throws IOException {
        byte[] file = sample("+te");
        int groupLengthValue = Preamble.PREFIX_END + 8;
        int declared = ByteBuffer.wrap(file, groupLengthValue, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(file, groupLengthValue, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(declared + change);

        Inspection inspection = inspect(file, null);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.META_LENGTH_MISMATCH);
        assertThat(inspection.incomplete()).isTrue();
    }

    @Test
    void aFileMetaWithoutTransferSyntaxIsReadAsExplicitLittleEndianLikeDcm4che() {
        byte[] meta = new DatasetBytes()
                .explicit(0x00020001, "OB", new byte[] {0, 1})
                .explicit(0x00020002, "UI", (DcmtkFixture.SECONDARY_CAPTURE + "\0").getBytes(StandardCharsets.US_ASCII))
                .bytes();
        byte[] dataset = new DatasetBytes()
                .explicit(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00091001, "OB", PAYLOAD).bytes();
        byte[] file = concat(concat(new byte[Preamble.LENGTH], "DICM".getBytes(StandardCharsets.US_ASCII)),
                concat(meta, dataset));

        Inspection inspection = inspect(file, null);

        assertThat(inspection.transferSyntaxUid()).isEqualTo(Syntax.EXPLICIT_LE_UID);
        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.NO_TRANSFER_SYNTAX);
        assertThat(inspection.incomplete()).isFalse();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @Test
    void anImplicitDatasetWithoutTransferSyntaxThatDcm4cheCannotReadIsReadAsDetected() {
        byte[] meta = new DatasetBytes().explicit(0x00020001, "OB", new byte[] {0, 1}).bytes();
        // Read as explicit VR, the private element's "VR" is part of its length, so it is UN (12-byte header) and
        // its "length" is the start of its value, past the end: dcm4che throws there and stores nothing.
        byte[] dataset = new DatasetBytes()
                .implicit(0x00091001, PAYLOAD.length).raw(PAYLOAD)
                .implicit(0x00100020, 2).raw("ID".getBytes(StandardCharsets.US_ASCII)).bytes();
        byte[] file = concat(concat(new byte[Preamble.LENGTH], "DICM".getBytes(StandardCharsets.US_ASCII)),
                concat(meta, dataset));

        Inspection inspection = inspect(file, null);

        assertThat(inspection.transferSyntaxUid()).isEqualTo(Syntax.IMPLICIT_LE_UID);
        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.NO_TRANSFER_SYNTAX);
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @Test
    void anImplicitDatasetWithoutTransferSyntaxThatDcm4cheReadsOnIsIncomplete() {
        byte[] meta = new DatasetBytes().explicit(0x00020001, "OB", new byte[] {0, 1}).bytes();
        // Read as explicit VR, (0010,0020) has the unknown VR code 02 00: dcm4che reads on with its dictionary.
        byte[] dataset = new DatasetBytes()
                .implicit(0x00100020, 2).raw("ID".getBytes(StandardCharsets.US_ASCII))
                .implicit(0x00091001, PAYLOAD.length).raw(PAYLOAD).bytes();
        byte[] file = concat(concat(new byte[Preamble.LENGTH], "DICM".getBytes(StandardCharsets.US_ASCII)),
                concat(meta, dataset));

        Inspection inspection = inspect(file, null);

        assertThat(inspection.transferSyntaxUid()).isEqualTo(Syntax.EXPLICIT_LE_UID);
        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.UNKNOWN_VR);
        assertThat(inspection.incomplete()).isTrue();
    }

    @Test
    void aRepeatedTagCountsWithItsLastValueAsInDcm4cheAttributes() {
        byte[] meta = new DatasetBytes()
                .explicit(0x00020010, "UI", (Syntax.IMPLICIT_LE_UID + "\0").getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00020010, "UI", (Syntax.EXPLICIT_LE_UID + "\0").getBytes(StandardCharsets.US_ASCII))
                .bytes();
        byte[] dataset = new DatasetBytes()
                .explicit(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00100020, "LO", "ID2 ".getBytes(StandardCharsets.US_ASCII))
                .explicit(0x00091001, "OB", PAYLOAD).bytes();
        byte[] file = concat(concat(new byte[Preamble.LENGTH], "DICM".getBytes(StandardCharsets.US_ASCII)),
                concat(meta, dataset));

        Inspection inspection = inspect(file, null);

        assertThat(inspection.transferSyntaxUid()).isEqualTo(Syntax.EXPLICIT_LE_UID);
        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID2");
        assertPayloadRegionAt(inspection, 0x00091001);
    }

    @Test
    void inflatesADeflatedDatasetWithAZlibHeaderLikeDcm4che() throws IOException {
        byte[] explicit = sample("+te");
        byte[] dataset = java.util.Arrays.copyOfRange(explicit, DcmtkFixture.datasetStart(explicit),
                explicit.length);
        byte[] zlib = deflate(dataset, false);
        assertThat(zlib[0] & 0xFF).isEqualTo(0x78);
        assertThat(zlib[1] & 0xFF).isEqualTo(0x9C);

        Inspection inspection = inspect(zlib, Syntax.DEFLATED_UID);

        assertThat(inspection.anomalies()).isEmpty();
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @Test
    void aZlibHeaderThatIsAlsoARawStoredBlockIsAmbiguous() {
        // 78 = final bit 0, stored block; LEN 0x009C... with its complement: a raw reader takes a stored block.
        byte[] stream = {0x78, (byte) 0x9C, 0x00, 0x63, (byte) 0xFF};

        Inspection inspection = inspect(stream, Syntax.DEFLATED_UID);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.DEFLATE_AMBIGUOUS);
        assertThat(inspection.incomplete()).isTrue();
    }

    @Test
    void readsAnUnknownTransferSyntaxAsExplicitLittleEndianLikeDcm4che() throws IOException {
        byte[] explicit = sample("+te");
        byte[] dataset = java.util.Arrays.copyOfRange(explicit, DcmtkFixture.datasetStart(explicit),
                explicit.length);

        Inspection inspection = inspect(dataset, "1.2.826.0.1.3680043.2.1125.99");

        assertThat(inspection.anomalies()).isEmpty();
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    private byte[] sample(String option) throws IOException {
        return Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(), option));
    }

    private static void assertPayloadRegionAt(Inspection inspection, int tag) {
        assertThat(regions(inspection, Region.PRIVATE_VALUE)).anySatisfy(region -> {
            assertThat(region.tag()).isEqualTo(tag);
            assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(PAYLOAD);
        });
    }

    private static Inspection inspect(byte[] input, String hint) {
        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(input), Framing.DETECT, hint);
        InspectionInvariants.check(input, inspection, LIMITS);
        return inspection;
    }

    static byte[] deflate(byte[] data, boolean raw) {
        // Default compression: its zlib header is 78 9C, the only one dcm4che recognizes.
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }
}
