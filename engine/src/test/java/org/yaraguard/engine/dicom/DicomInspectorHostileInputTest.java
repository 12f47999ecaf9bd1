package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaraguard.engine.dicom.DicomInspectorRegionsTest.concat;
import static org.yaraguard.engine.dicom.DicomInspectorTransferSyntaxTest.regions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DicomInspectorHostileInputTest {

    private static final InspectionLimits DEFAULTS = InspectionLimits.defaults();
    private static final int ONE_MIB = 1 << 20;
    private static final InspectionLimits SMALL_INFLATION = new InspectionLimits(32, 1_000_000, ONE_MIB, 256);
    /** Sorts after every tag of the sample dump, so an appended element is in order. */
    private static final int LATE_PRIVATE_TAG = 0x7FE11001;
    private static final int ELEMENT_HEADER_BYTES = 8;

    @TempDir
    Path folder;

    @Test
    void stopsADeflateBombAtTheInflationLimit() throws IOException {
        byte[] real = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("deflated", DcmtkFixture.sampleDump(),
                "+td"));
        byte[] bomb = deflate(new byte[64 * ONE_MIB]);
        byte[] file = concat(Arrays.copyOf(real, DcmtkFixture.datasetStart(real)), bomb);
        assertThat(bomb.length).isLessThan(ONE_MIB / 8);

        Inspection inspection = inspect(file, null, SMALL_INFLATION);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.INFLATION_LIMIT);
        Region inflated = regions(inspection, Region.INFLATED_DATASET).get(0);
        assertThat(inflated.bytes().remaining()).isEqualTo(ONE_MIB);
        assertThat(inflated.bytes().capacity()).isLessThanOrEqualTo(ONE_MIB);
    }

    @Test
    void stopsADeflateBombInABareDatasetAndWithANoInflationLimit() {
        byte[] bomb = deflate(new byte[16 * ONE_MIB]);

        Inspection limited = inspect(bomb, Syntax.DEFLATED_UID, SMALL_INFLATION);
        Inspection nothingAllowed = inspect(bomb, Syntax.DEFLATED_UID, new InspectionLimits(32, 1000, 0, 256));

        assertThat(limited.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.INFLATION_LIMIT);
        assertThat(nothingAllowed.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.INFLATION_LIMIT);
        assertThat(regions(nothingAllowed, Region.INFLATED_DATASET)).isEmpty();
    }

    @Test
    void aDeflatedDatasetThatFitsTheLimitExactlyIsNotABomb() {
        byte[] dataset = new DatasetBytes().explicit(0x00100020, "LO", "ID".getBytes()).bytes();

        Inspection inspection = inspect(deflate(dataset), Syntax.DEFLATED_UID,
                new InspectionLimits(32, 1000, dataset.length, 256));

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
    }

    @Test
    void endsTheFileMetaAtItsGroupLengthWhenTheDeflateStreamLooksLikeGroup0002() throws IOException {
        DcmtkFixture dcmtk = new DcmtkFixture(folder);
        byte[] deflated = Files.readAllBytes(dcmtk.dump2dcm("deflated", DcmtkFixture.sampleDump(), "+td"));
        byte[] explicit = Files.readAllBytes(dcmtk.dump2dcm("explicit", DcmtkFixture.sampleDump(), "+te"));
        byte[] dataset = Arrays.copyOfRange(explicit, DcmtkFixture.datasetStart(explicit), explicit.length);
        // An empty fixed-Huffman block (bytes 02 00 with the next header) and an empty stored block to realign,
        // then the real stream: valid deflate whose first two bytes read as group 0002.
        byte[] stream = concat(new byte[] {0x02, 0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF}, deflate(dataset));
        byte[] file = concat(Arrays.copyOf(deflated, DcmtkFixture.datasetStart(deflated)), stream);

        Inspection inspection = inspect(file, null, DEFAULTS);

        assertThat(inspection.anomalies()).isEmpty();
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @Test
    void reportsACorruptDeflateStreamAsMalformed() {
        byte[] corrupt = deflate(new DatasetBytes().explicit(0x00100020, "LO", "ID".getBytes()).bytes());
        corrupt[0] = (byte) 0xFF;

        Inspection inspection = inspect(corrupt, Syntax.DEFLATED_UID, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.MALFORMED);
    }

    @ParameterizedTest(name = "{0} {1} length {2}")
    @CsvSource({
        "explicit, OB, 0xFFFFFFF0",
        "explicit, OB, 0xFFFFFFFE",
        "explicit, OB, 0x80000000",
        "explicit, OB, 0x7FFFFFFF",
        "explicit, UT, 0x00001000",
        "explicit, SQ, 0xFFFFFFF0",
        "explicit, LO, 0xFFFF",
        "implicit, -, 0xFFFFFFF0",
        "implicit, -, 0x7FFFFFFF",
    })
    void reportsHugeDeclaredLengthsAndTheBytesFromThere(String encoding, String vr, String length)
            throws IOException {
        long declared = Long.decode(length);
        boolean explicit = encoding.equals("explicit");
        byte[] real = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                explicit ? "+te" : "+ti"));
        DatasetBytes element = new DatasetBytes();
        byte[] hostile = (explicit ? element.explicit(LATE_PRIVATE_TAG, vr, declared)
                : element.implicit(LATE_PRIVATE_TAG, declared)).raw(new byte[64]).bytes();

        Inspection inspection = inspect(concat(real, hostile), null, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.LENGTH_PAST_END, Anomaly.Kind.TRAILING_DATA);
        assertThat(inspection.anomalies()).extracting(Anomaly::offset).containsOnly((long) real.length);
        assertThat(InspectionInvariants.contents(regions(inspection, Region.TRAILING_DATA).get(0).bytes()))
                .isEqualTo(hostile);
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @ParameterizedTest(name = "item length {0}")
    @ValueSource(longs = {0xFFFFFFF0L, 0x100L})
    void reportsAnItemLongerThanItsSequence(long itemLength) {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00081140, "SQ", 16).item(itemLength).raw(new byte[8])
                .explicit(0x00100020, "LO", "ID".getBytes()).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.LENGTH_PAST_END, Anomaly.Kind.TRAILING_DATA);
        assertThat(inspection.anomalies().get(0).offset()).isEqualTo(12);
    }

    @Test
    void patchedLengthOfARealPrivateValueRunsPastTheEnd() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));
        byte[] header = new DatasetBytes().explicit(0x00091001, "OB", DcmtkFixture.PRIVATE_VALUE_BYTES).bytes();
        int at = indexOf(file, header);
        System.arraycopy(new DatasetBytes().explicit(0x00091001, "OB", 0xFFFFFFF0L).bytes(), 0, file, at, 12);

        Inspection inspection = inspect(file, null, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.LENGTH_PAST_END, Anomaly.Kind.TRAILING_DATA);
        assertThat(regions(inspection, Region.TRAILING_DATA).get(0).offset()).isEqualTo(at);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Syntax.EXPLICIT_LE_UID, Syntax.IMPLICIT_LE_UID})
    void stopsTenThousandNestedSequencesAtTheDepthLimitAndKeepsTheRestAsTrailingData(String syntax) {
        DatasetBytes nested = new DatasetBytes();
        for (int i = 0; i < 10_000; i++) {
            if (syntax.equals(Syntax.EXPLICIT_LE_UID)) {
                nested.explicit(0x00091010, "SQ", DatasetBytes.UNDEFINED);
            } else {
                nested.implicit(0x00091010, DatasetBytes.UNDEFINED);
            }
            nested.item(DatasetBytes.UNDEFINED);
        }
        byte[] dataset = nested.bytes();

        Inspection inspection = inspect(dataset, syntax, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.NESTING_TOO_DEEP, Anomaly.Kind.TRAILING_DATA);
        long nestingBytes = syntax.equals(Syntax.EXPLICIT_LE_UID) ? 12 + 8 : 8 + 8;
        long stoppedAt = DEFAULTS.maxDepth() * nestingBytes;
        assertThat(inspection.anomalies().get(0).offset()).isEqualTo(stoppedAt);
        assertThat(regions(inspection, Region.TRAILING_DATA).get(0).offset()).isEqualTo(stoppedAt);
    }

    @Test
    void walksAThousandNestedSequencesWithTheDefaultLimits() {
        Inspection inspection = inspect(nested(1000), Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo("ID");
    }

    @Test
    void acceptsNestingUpToTheLimitAndNoDeeper() {
        InspectionLimits depth3 = new InspectionLimits(3, 1000, ONE_MIB, 256);

        Inspection atLimit = inspect(nested(3), Syntax.EXPLICIT_LE_UID, depth3);
        Inspection pastLimit = inspect(nested(4), Syntax.EXPLICIT_LE_UID, depth3);

        assertThat(atLimit.anomalies()).isEmpty();
        assertThat(atLimit.attributes().patientId()).isEqualTo("ID");
        assertThat(pastLimit.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.NESTING_TOO_DEEP, Anomaly.Kind.TRAILING_DATA);
        assertThat(pastLimit.incomplete()).isTrue();
    }

    @Test
    void stopsAtTheElementLimitAndKeepsTheRestAsTrailingData() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));

        Inspection inspection = inspect(file, null, new InspectionLimits(32, 5, ONE_MIB, 256));

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.TOO_MANY_ELEMENTS, Anomaly.Kind.TRAILING_DATA);
        assertThat(inspection.incomplete()).isTrue();
        assertThat(regions(inspection, Region.TRAILING_DATA)).singleElement()
                .satisfies(trailing -> assertThat(trailing.offset() + trailing.bytes().remaining())
                        .isEqualTo(file.length));
    }

    @Test
    void capsTheNumberOfRegions() {
        DatasetBytes many = new DatasetBytes();
        for (int element = 0x1000; element < 0x1000 + Observations.MAX_REGIONS + 5; element++) {
            many.explicit(0x00090000 | element, "OB", new byte[2]);
        }
        byte[] dataset = many.bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, new InspectionLimits(32, 1_000_000,
                ONE_MIB, 1));

        assertThat(inspection.regions()).hasSize(Observations.MAX_REGIONS);
        assertThat(inspection.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.TOO_MANY_REGIONS);
        assertThat(inspection.incomplete()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+te", "+ti", "+tb", "+td", "-e +ti", "pdf", "jpeg"})
    void survivesTruncationAtEveryOffsetOfARealFile(String kind) throws IOException {
        DcmtkFixture dcmtk = new DcmtkFixture(folder);
        Path path = switch (kind) {
            case "pdf" -> dcmtk.pdfDocument("report", DcmtkFixture.minimalPdf());
            case "jpeg" -> dcmtk.jpegImage("image");
            default -> dcmtk.dump2dcm("sample", DcmtkFixture.sampleDump(), kind.split(" "));
        };
        byte[] file = Files.readAllBytes(path);
        DicomInspector inspector = new DicomInspector(DEFAULTS);

        int lastCleanCut = -ELEMENT_HEADER_BYTES;
        for (int length = 0; length <= file.length; length++) {
            byte[] prefix = Arrays.copyOf(file, length);
            Inspection inspection = inspector.inspect(ByteBuffer.wrap(prefix), null);
            InspectionInvariants.check(prefix, inspection, DEFAULTS);
            if (length > Preamble.PREFIX_END && inspection.anomalies().isEmpty()) {
                // A cut goes unnoticed only between two top-level elements, and those are a header apart at least.
                assertThat(length - lastCleanCut).as("clean cuts at %d and %d", lastCleanCut, length)
                        .isGreaterThanOrEqualTo(ELEMENT_HEADER_BYTES);
                lastCleanCut = length;
            }
        }
        assertThat(lastCleanCut).isEqualTo(file.length);
    }

    @Test
    void survivesRandomBytesAndDegenerateBuffers() {
        DicomInspector inspector = new DicomInspector(DEFAULTS);
        Random random = new Random(20240102);
        for (int round = 0; round < 2_000; round++) {
            byte[] input = new byte[random.nextInt(600)];
            random.nextBytes(input);
            if (round % 3 == 0 && input.length >= 132) {
                input[128] = 'D';
                input[129] = 'I';
                input[130] = 'C';
                input[131] = 'M';
            }
            String hint = switch (round % 5) {
                case 0 -> Syntax.IMPLICIT_LE_UID;
                case 1 -> Syntax.EXPLICIT_BE_UID;
                case 2 -> Syntax.DEFLATED_UID;
                default -> null;
            };
            InspectionInvariants.check(input, inspector.inspect(ByteBuffer.wrap(input), hint), DEFAULTS);
        }
        for (byte fill : new byte[] {0, (byte) 0xFF}) {
            byte[] input = new byte[4096];
            Arrays.fill(input, fill);
            InspectionInvariants.check(input, inspector.inspect(ByteBuffer.wrap(input), null), DEFAULTS);
        }
        assertThat(inspector.inspect(null, null).anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.MALFORMED);
    }

    @Test
    void aFileThatIsNotDicomAtAllIsMalformedWithoutATrailingRegion() {
        byte[] text = "just some text, not a dataset".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Inspection inspection = new DicomInspector(DEFAULTS).inspect(ByteBuffer.wrap(text), null);
        assertThat(inspection.part10()).isFalse();
        assertThat(inspection.regions()).isEmpty();
        assertThat(inspection.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(Anomaly.Kind.MALFORMED);
            assertThat(anomaly.detail()).startsWith("not a DICOM object");
        });
    }

    @Test
    void skipsAStrayElementInsideASequenceByItsLengthAsDcm4cheDoes() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00081140, "SQ", DatasetBytes.UNDEFINED)
                .explicit(0x00100020, "LO", "ID".getBytes())
                .sequenceDelimiter()
                .explicit(0x00100030, "DA", "20240102".getBytes()).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isNull();
    }

    @Test
    void aDefinedLengthItemEndedByAnItemDelimiterIsMalformed() {
        byte[] dataset = new DatasetBytes()
                .explicit(0x00081140, "SQ", 24).item(16).itemDelimiter().raw(new byte[8])
                .explicit(0x00100020, "LO", "ID".getBytes()).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.MALFORMED, Anomaly.Kind.TRAILING_DATA);
        assertThat(inspection.incomplete()).isTrue();
        assertThat(regions(inspection, Region.TRAILING_DATA).get(0).offset()).isEqualTo(20);
    }

    @Test
    void aSequenceDelimiterInsideADefinedLengthSequenceIsMalformed() {
        // dcm4che may end the sequence at the delimiter and read the document behind it at top level.
        byte[] dataset = new DatasetBytes()
                .explicit(0x00081140, "SQ", 8 + 12 + 8).sequenceDelimiter()
                .explicit(0x00420011, "OB", "%PDF-1.4 /JS".getBytes()).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.MALFORMED);
        assertThat(inspection.incomplete()).isTrue();
        assertThat(regions(inspection, Region.TRAILING_DATA).get(0).offset()).isEqualTo(12);
    }

    @Test
    void readingGoesOnPastTheBytesOfADelimiterWithALength() {
        // dcm4che skips the 12 bytes a delimiter's length covers, ends the sequence and reads the document at top
        // level. Those 12 bytes are an OB header whose length would swallow the delimiter and the document.
        byte[] document = new DatasetBytes().explicit(0x00420011, "OB", "%PDF-1.4 hidden".getBytes()).bytes();
        byte[] dataset = new DatasetBytes()
                .explicit(0x00081140, "SQ", DatasetBytes.UNDEFINED).item(DatasetBytes.UNDEFINED)
                .explicit(0x00100020, "LO", "ID".getBytes()).implicit(Tags.ITEM_DELIMITATION, 12)
                .explicit(0x00091010, "OB", 8 + document.length).sequenceDelimiter()
                .raw(document).sequenceDelimiter().bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(regions(inspection, Region.ENCAPSULATED_DOCUMENT)).singleElement()
                .satisfies(region -> assertThat(region.offset()).isEqualTo(dataset.length - 8 - document.length + 12));
    }

    @Test
    void capsAndMasksHostileAttributeText() {
        String longId = "A".repeat(500);
        byte[] dataset = new DatasetBytes()
                .explicit(0x00100010, "PN", ("Evil\u0007Name\u001b[31m" + "x".repeat(400) + "\0").getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .explicit(0x00100020, "LO", longId.getBytes()).bytes();

        Inspection inspection = inspect(dataset, Syntax.EXPLICIT_LE_UID, DEFAULTS);

        assertThat(inspection.attributes().patientId()).isEqualTo("A".repeat(64));
        assertThat(inspection.attributes().patientName()).startsWith("Evil?Name?[31mxxx").hasSize(324);
    }

    private static byte[] nested(int depth) {
        DatasetBytes bytes = new DatasetBytes();
        for (int i = 0; i < depth; i++) {
            bytes.explicit(0x00091010, "SQ", DatasetBytes.UNDEFINED).item(DatasetBytes.UNDEFINED);
        }
        for (int i = 0; i < depth; i++) {
            bytes.itemDelimiter().sequenceDelimiter();
        }
        return bytes.explicit(0x00100020, "LO", "ID".getBytes()).bytes();
    }

    private static Inspection inspect(byte[] input, String hint, InspectionLimits limits) {
        Inspection inspection = new DicomInspector(limits).inspect(ByteBuffer.wrap(input), hint);
        InspectionInvariants.check(input, inspection, limits);
        return inspection;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
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

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
