package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaraguard.engine.dicom.DicomInspectorTransferSyntaxTest.regions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomInspectorRegionsTest {

    private static final InspectionLimits LIMITS = InspectionLimits.defaults();
    private static final DicomInspector INSPECTOR = new DicomInspector(LIMITS);

    @TempDir
    Path folder;

    @Test
    void reportsTheEncapsulatedPdfAndItsMimeType() throws IOException {
        byte[] pdf = DcmtkFixture.minimalPdf();
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).pdfDocument("report", pdf));

        Inspection inspection = inspect(file);

        assertThat(inspection.encapsulatedMimeType()).isEqualTo("application/pdf");
        assertThat(inspection.attributes().sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.104.1");
        assertThat(inspection.attributes().patientName()).isEqualTo(DcmtkFixture.PATIENT_NAME);
        Region document = regions(inspection, Region.ENCAPSULATED_DOCUMENT).get(0);
        assertThat(document.tag()).isEqualTo(0x00420011);
        // pdf2dcm pads an odd-length document with one zero byte.
        byte[] value = InspectionInvariants.contents(document.bytes());
        assertThat(Arrays.copyOf(value, pdf.length)).isEqualTo(pdf);
        assertThat(value.length - pdf.length).isBetween(0, 1);
        assertThat(inspection.anomalies()).isEmpty();
    }

    @Test
    void walksEncapsulatedJpegFragmentsWithoutAnomalies() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).jpegImage("image"));

        Inspection inspection = inspect(file);

        assertThat(inspection.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.50");
        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.regions()).extracting(Region::name).containsExactly(Region.PREAMBLE);
        assertThat(inspection.attributes().patientId()).isEqualTo(DcmtkFixture.PATIENT_ID);
        assertThat(inspection.attributes().studyInstanceUid()).isEqualTo(DcmtkFixture.STUDY_UID);
    }

    @Test
    void bytesAppendedAfterTheDatasetAreTrailingDataAndMakeTheInspectionIncomplete() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).jpegImage("image"));
        byte[] payload = "MZ\u0090\u0000 appended executable".getBytes(StandardCharsets.ISO_8859_1);
        byte[] infected = concat(file, payload);

        Inspection inspection = inspect(infected);

        Region trailing = regions(inspection, Region.TRAILING_DATA).get(0);
        assertThat(trailing.offset()).isEqualTo(file.length);
        assertThat(InspectionInvariants.contents(trailing.bytes())).isEqualTo(payload);
        // dcm4che reads on there and fails (or stores what it parses): never a benign end of the dataset.
        assertThat(inspection.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.LENGTH_PAST_END, Anomaly.Kind.TRAILING_DATA);
        assertThat(inspection.incomplete()).isTrue();
        assertThat(inspection.anomalies().get(0).offset()).isEqualTo(file.length);
        assertThat(inspection.attributes().patientId()).isEqualTo(DcmtkFixture.PATIENT_ID);
    }

    @Test
    void reportsTrailingDataAfterADeflatedDataset() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("deflated", DcmtkFixture.sampleDump(),
                "+td"));
        byte[] payload = "appended after the deflate stream".getBytes(StandardCharsets.US_ASCII);

        Inspection inspection = inspect(concat(file, payload));

        Region trailing = regions(inspection, Region.TRAILING_DATA).get(0);
        assertThat(trailing.offset()).isEqualTo(file.length);
        assertThat(InspectionInvariants.contents(trailing.bytes())).isEqualTo(payload);
        DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
    }

    @Test
    void flagsANonZeroPreambleThatIsNotTiff() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));
        file[0] = 'M';
        file[1] = 'Z';

        Inspection inspection = inspect(file);

        assertThat(inspection.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.PREAMBLE_NOT_TIFF);
        Region preamble = regions(inspection, Region.PREAMBLE).get(0);
        assertThat(preamble.offset()).isZero();
        assertThat(InspectionInvariants.contents(preamble.bytes())).isEqualTo(Arrays.copyOf(file, 128));
    }

    @Test
    void acceptsTiffAndZeroPreamblesButStillReportsThem() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));
        byte[] littleTiff = file.clone();
        System.arraycopy(new byte[] {'I', 'I', '*', 0, 8, 0, 0, 0}, 0, littleTiff, 0, 8);
        byte[] bigTiff = file.clone();
        System.arraycopy(new byte[] {'M', 'M', 0, '*', 0, 0, 0, 8}, 0, bigTiff, 0, 8);

        for (byte[] variant : new byte[][] {file, littleTiff, bigTiff}) {
            Inspection inspection = inspect(variant);
            assertThat(inspection.anomalies()).isEmpty();
            assertThat(InspectionInvariants.contents(regions(inspection, Region.PREAMBLE).get(0).bytes()))
                    .isEqualTo(Arrays.copyOf(variant, 128));
        }
    }

    @Test
    void reportsPrivateValuesFromTheConfiguredSizeOn() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));

        Inspection withDefaults = inspect(file);
        Inspection withLowThreshold = new DicomInspector(new InspectionLimits(32, 1000, 1 << 20, 4))
                .inspect(ByteBuffer.wrap(file), null);

        assertThat(regions(withDefaults, Region.PRIVATE_VALUE)).extracting(Region::tag)
                .containsExactly(0x00111001, 0x00091001);
        // With a 4-byte threshold the private creators ("ACME", "ACME NESTED") and the 4-byte value count too.
        assertThat(regions(withLowThreshold, Region.PRIVATE_VALUE)).extracting(Region::tag)
                .containsExactly(0x00110010, 0x00111001, 0x00090010, 0x00091001, 0x00091002);
    }

    @Test
    void readsAMappedFileInPlaceAndLeavesTheCallersBufferAlone() throws IOException {
        Path path = new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());

            Inspection inspection = INSPECTOR.inspect(mapped, null);

            assertThat(mapped.position()).isZero();
            assertThat(mapped.limit()).isEqualTo((int) channel.size());
            assertThat(inspection.regions()).allSatisfy(region -> {
                assertThat(region.bytes().isDirect()).isTrue();
                assertThat(region.bytes().isReadOnly()).isTrue();
            });
            DicomInspectorTransferSyntaxTest.assertSampleAttributes(inspection.attributes());
        }
    }

    @Test
    void inspectsOnlyPositionToLimitWithOffsetsRelativeToPosition() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump()));
        byte[] framed = concat(concat(new byte[] {1, 2, 3, 4, 5}, file), new byte[] {9, 9, 9});
        ByteBuffer buffer = ByteBuffer.wrap(framed).position(5).limit(5 + file.length);

        Inspection inspection = INSPECTOR.inspect(buffer, null);

        assertThat(buffer.position()).isEqualTo(5);
        assertThat(inspection.anomalies()).isEmpty();
        InspectionInvariants.check(file, inspection, LIMITS);
    }

    @Test
    void oneInspectorServesManyThreadsOverOneSharedBuffer() throws Exception {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                "+td"));
        ByteBuffer shared = ByteBuffer.allocateDirect(file.length).put(file).flip();
        Inspection expected = INSPECTOR.inspect(shared, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Inspection>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> INSPECTOR.inspect(shared, null)));
            }
            for (Future<Inspection> result : results) {
                try (Inspection inspection = result.get()) {
                    // Each inspection frees its own views: only what they hold must be equal.
                    assertThat(inspection).usingRecursiveComparison().ignoringFields("release").isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.position()).isZero();
    }

    static Inspection inspect(byte[] file) {
        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(file), null);
        InspectionInvariants.check(file, inspection, LIMITS);
        return inspection;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
