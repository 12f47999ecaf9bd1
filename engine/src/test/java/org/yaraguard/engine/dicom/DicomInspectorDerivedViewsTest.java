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
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views whose bytes are new (issue 7 classes 3, 6, 7): fragments joined, big-endian words swapped, PDF streams
 * decoded; all from one memory budget that each inspection gives back when it is closed.
 */
class DicomInspectorDerivedViewsTest {

    private static final InspectionLimits LIMITS = InspectionLimits.defaults();
    private static final byte[] EXECUTABLE = "MZ\u0090\0 split executable, PE\0\0 further on"
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path folder;

    @Test
    void joinsTheDataFragmentsOfPixelDataWithoutTheBasicOffsetTable() {
        byte[] first = Arrays.copyOf(EXECUTABLE, 10);
        byte[] second = Arrays.copyOfRange(EXECUTABLE, 10, EXECUTABLE.length);
        byte[] dataset = encapsulatedPixelData(null, first, second);

        try (Inspection inspection = inspect(dataset, new DerivedMemory(1 << 20))) {
            assertThat(inspection.anomalies()).isEmpty();
            assertThat(regions(inspection, Region.REASSEMBLED_VALUE)).singleElement().satisfies(region -> {
                assertThat(region.derived()).isTrue();
                assertThat(region.tag()).isEqualTo(Tags.PIXEL_DATA);
                assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(EXECUTABLE);
            });
        }
    }

    @Test
    void needsNoViewWhenEveryFrameIsOneFragmentOrThereIsOneFragment() {
        byte[] twoFrames = encapsulatedPixelData("2", new byte[] {1, 2}, new byte[] {3, 4});
        byte[] oneFragment = encapsulatedPixelData(null, EXECUTABLE);

        assertThat(regions(inspect(twoFrames, new DerivedMemory(0)), Region.REASSEMBLED_VALUE)).isEmpty();
        assertThat(regions(inspect(oneFragment, new DerivedMemory(0)), Region.REASSEMBLED_VALUE)).isEmpty();
        assertThat(inspect(twoFrames, new DerivedMemory(0)).anomalies()).isEmpty();
    }

    @Test
    void theLastNumberOfFramesDecidesEvenWhenItFollowsThePixelData() {
        byte[] twoThenOne = concat(encapsulatedPixelData("2", Arrays.copyOf(EXECUTABLE, 10),
                Arrays.copyOfRange(EXECUTABLE, 10, EXECUTABLE.length)),
                new DatasetBytes().explicit(Tags.NUMBER_OF_FRAMES, "IS", "1 ".getBytes(StandardCharsets.US_ASCII))
                        .bytes());

        Inspection inspection = inspect(twoThenOne, new DerivedMemory(1 << 20));

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(regions(inspection, Region.REASSEMBLED_VALUE)).singleElement()
                .satisfies(region -> assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(EXECUTABLE));
    }

    @Test
    void joinsAFragmentedEncapsulatedDocumentIntoOneDocumentRegion() {
        byte[] dataset = new DatasetBytes()
                .explicit(Tags.ENCAPSULATED_DOCUMENT, "OB", DatasetBytes.UNDEFINED)
                .item(10).raw(Arrays.copyOf(EXECUTABLE, 10))
                .item(EXECUTABLE.length - 10).raw(Arrays.copyOfRange(EXECUTABLE, 10, EXECUTABLE.length))
                .sequenceDelimiter().bytes();

        Inspection inspection = inspect(dataset, new DerivedMemory(1 << 20));

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(regions(inspection, Region.ENCAPSULATED_DOCUMENT)).filteredOn(Region::derived).singleElement()
                .satisfies(region -> assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(EXECUTABLE));
    }

    @Test
    void swapsTheWordsOfABigEndianOwValue() {
        byte[] swappedOnTheWire = new byte[EXECUTABLE.length];
        for (int i = 0; i < EXECUTABLE.length; i += 2) {
            swappedOnTheWire[i] = EXECUTABLE[i + 1];
            swappedOnTheWire[i + 1] = EXECUTABLE[i];
        }
        byte[] dataset = concat(bigEndian(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII)),
                bigEndian(0x00091001, "OW", swappedOnTheWire));

        Inspection inspection = inspector(new DerivedMemory(1 << 20)).inspect(ByteBuffer.wrap(dataset),
                Framing.BARE, Syntax.EXPLICIT_BE_UID);

        InspectionInvariants.check(dataset, inspection, LIMITS);
        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
        assertThat(regions(inspection, Region.SWAPPED_VALUE)).singleElement().satisfies(region -> {
            assertThat(region.tag()).isEqualTo(0x00091001);
            assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(EXECUTABLE);
        });
    }

    @Test
    void swapsLongNumericArraysByTheirWordSizeButNotShortNumbers() {
        byte[] payload = Arrays.copyOf(EXECUTABLE, 56);
        byte[] dataset = concat(concat(bigEndian(0x00280010, "US", new byte[] {0, 64}),
                bigEndian(0x00283006, "US", swapped(payload, 2))), bigEndian(0x00091002, "FD", swapped(payload, 8)));

        Inspection inspection = inspector(new DerivedMemory(1 << 20)).inspect(ByteBuffer.wrap(dataset),
                Framing.BARE, Syntax.EXPLICIT_BE_UID);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(regions(inspection, Region.SWAPPED_VALUE)).extracting(Region::tag)
                .containsExactly(0x00283006, 0x00091002);
        assertThat(regions(inspection, Region.SWAPPED_VALUE))
                .allSatisfy(region -> assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(payload));
    }

    private static byte[] swapped(byte[] bytes, int wordSize) {
        byte[] out = new byte[bytes.length];
        for (int word = 0; word < bytes.length; word += wordSize) {
            for (int i = 0; i < wordSize; i++) {
                out[word + i] = bytes[word + wordSize - 1 - i];
            }
        }
        return out;
    }

    @Test
    void aLittleEndianOwValueNeedsNoSwappedView() {
        byte[] dataset = new DatasetBytes().explicit(0x00091001, "OW", EXECUTABLE).bytes();

        assertThat(regions(inspect(dataset, new DerivedMemory(0)), Region.SWAPPED_VALUE)).isEmpty();
    }

    @Test
    void decodesTheFlateStreamsOfAnEncapsulatedPdf() throws IOException {
        byte[] script = "<< /S /JavaScript /JS (app.alert(1)) >>".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = pdfWithFlateStream(script);
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).pdfDocument("report", pdf));

        Inspection inspection = inspect(file, new DerivedMemory(1 << 20));

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(regions(inspection, Region.PDF_STREAM)).singleElement().satisfies(region -> {
            assertThat(region.derived()).isTrue();
            assertThat(InspectionInvariants.contents(region.bytes())).isEqualTo(script);
        });
    }

    @Test
    void aPdfStreamThatCannotBeDecodedMakesTheInspectionIncomplete() throws IOException {
        byte[] pdf = ("%PDF-1.4\n1 0 obj\n<< /Length 8 /Filter /FlateDecode >>\nstream\nnotflate\nendstream\n"
                + "endobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).pdfDocument("broken", pdf));

        Inspection inspection = inspect(file, new DerivedMemory(1 << 20));

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.PDF_NOT_DECODED);
        assertThat(inspection.incomplete()).isTrue();
    }

    @Test
    void aViewTheBudgetRefusesIsIncompleteNeverAnError() {
        byte[] dataset = encapsulatedPixelData(null, Arrays.copyOf(EXECUTABLE, 10),
                Arrays.copyOfRange(EXECUTABLE, 10, EXECUTABLE.length));
        DerivedMemory tooSmall = new DerivedMemory(EXECUTABLE.length - 1);

        Inspection inspection = inspect(dataset, tooSmall);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.NO_MEMORY);
        assertThat(inspection.incomplete()).isTrue();
        assertThat(tooSmall.available()).isEqualTo(tooSmall.budget());
    }

    @Test
    void aDeflateBombHoldsTheBudgetOnlyUntilItsInspectionIsClosed() {
        // Inflated buffers start at four times the compressed size and double: the bomb ends in a 4 MiB buffer,
        // the clean object (incompressible) asks for about 2.4 MiB at once.
        byte[] bomb = DicomInspectorDifferentialTest.deflate(concat(
                new DatasetBytes().explicit(0x00091001, "OB", (4 << 20) - 112).bytes(), new byte[(4 << 20) - 112]),
                true);
        byte[] noise = new byte[600_000];
        new Random(7).nextBytes(noise);
        byte[] clean = DicomInspectorDifferentialTest.deflate(new DatasetBytes()
                .explicit(0x00091001, "OB", noise)
                .explicit(0x00100020, "LO", "ID".getBytes(StandardCharsets.US_ASCII)).bytes(), true);
        DerivedMemory memory = new DerivedMemory(6 << 20);
        DicomInspector inspector = inspector(memory);

        Inspection bombInspection = inspector.inspect(ByteBuffer.wrap(bomb), Framing.BARE, Syntax.DEFLATED_UID);
        Inspection starved = inspector.inspect(ByteBuffer.wrap(clean), Framing.BARE, Syntax.DEFLATED_UID);
        bombInspection.close();
        Inspection afterwards = inspector.inspect(ByteBuffer.wrap(clean), Framing.BARE, Syntax.DEFLATED_UID);

        assertThat(bombInspection.anomalies()).isEmpty();
        assertThat(starved.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.NO_MEMORY);
        assertThat(afterwards.anomalies()).isEmpty();
        assertThat(afterwards.attributes().patientId()).isEqualTo("ID");
        starved.close();
        afterwards.close();
        afterwards.close();
        assertThat(memory.available()).isEqualTo(memory.budget());
    }

    @Test
    void closingAnInspectionFreesItsViewsAndReturnsTheBudget() {
        byte[] dataset = encapsulatedPixelData(null, new byte[] {1, 2}, new byte[] {3, 4});
        DerivedMemory memory = new DerivedMemory(1 << 20);

        Inspection inspection = inspect(dataset, memory);
        assertThat(memory.available()).isEqualTo(memory.budget() - 4);
        inspection.close();

        assertThat(memory.available()).isEqualTo(memory.budget());
    }

    /** Explicit VR little endian dataset: optional Number of Frames, then Pixel Data with an empty offset table. */
    private static byte[] encapsulatedPixelData(String frames, byte[]... fragments) {
        DatasetBytes dataset = new DatasetBytes();
        if (frames != null) {
            dataset.explicit(Tags.NUMBER_OF_FRAMES, "IS", (frames + " ").substring(0, 2).getBytes(
                    StandardCharsets.US_ASCII));
        }
        dataset.explicit(Tags.PIXEL_DATA, "OB", DatasetBytes.UNDEFINED).item(0);
        for (byte[] fragment : fragments) {
            dataset.item(fragment.length).raw(fragment);
        }
        return dataset.sequenceDelimiter().bytes();
    }

    /** One explicit VR big endian element (short form for LO, long form for OW). */
    private static byte[] bigEndian(int tag, String vr, byte[] value) {
        ByteBuffer header = ByteBuffer.allocate(vr.equals("OW") ? 12 : 8);
        header.putInt(tag).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OW")) {
            header.putShort((short) 0).putInt(value.length);
        } else {
            header.putShort((short) value.length);
        }
        return concat(header.array(), value);
    }

    /** A PDF whose one content stream is FlateDecode-compressed. */
    private static byte[] pdfWithFlateStream(byte[] content) {
        byte[] compressed = DicomInspectorDifferentialTest.deflate(content, false);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(("%PDF-1.4\n1 0 obj\n<< /Length " + compressed.length + " /Filter /FlateDecode >>\nstream\n")
                .getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(compressed);
        pdf.writeBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return pdf.toByteArray();
    }

    private static Inspection inspect(byte[] input, DerivedMemory memory) {
        Inspection inspection = inspector(memory).inspect(ByteBuffer.wrap(input), Framing.DETECT,
                Syntax.EXPLICIT_LE_UID);
        InspectionInvariants.check(input, inspection, LIMITS);
        return inspection;
    }

    private static DicomInspector inspector(DerivedMemory memory) {
        return new DicomInspector(LIMITS, memory);
    }
}
