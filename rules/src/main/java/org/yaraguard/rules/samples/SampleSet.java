package org.yaraguard.rules.samples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Writes sample objects to disk: a small named demo set, and large benchmark corpora. */
public final class SampleSet {

    private static final int PIXEL_CHUNK = 64 * 1024;
    // Each 16-bit pixel keeps 12 bits (as CT does): the high byte of every pixel stays below 0x10, so noise
    // cannot spell a header, a PDF keyword or the EICAR string by chance.
    private static final long TWELVE_BIT_PIXELS = 0x0FFF0FFF0FFF0FFFL;
    private static final int OBJECTS_PER_SERIES = 10;
    private static final int ROWS = 0x00280010;
    private static final int COLUMNS = 0x00280011;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int MEDIA_SOP_INSTANCE_UID = 0x00020003;
    private static final int STUDY_INSTANCE_UID = 0x0020000D;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int PATIENT_ID = 0x00100020;
    private static final int INSTANCE_CREATION_DATE = 0x00080012;
    private static final int INSTANCE_CREATION_TIME = 0x00080013;

    private SampleSet() {
    }

    /**
     * Writes about a dozen small objects named after what they hold (clean-ct.dcm, pe-in-preamble.dcm…) into
     * {@code dir} (created if needed). The fakes are harmless: headers without code.
     *
     * @return the files written, in a stable order
     */
    public static List<Path> writeDemo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("yara-guard-samples");
        try {
            SampleCatalog catalog = new SampleCatalog(work);
            Map<String, byte[]> demo = new LinkedHashMap<>();
            demo.put("clean-ct.dcm", catalog.cleanCt());
            demo.put("clean-photo-jpeg.dcm", catalog.cleanJpegPhoto());
            demo.put("clean-report-sr.dcm", catalog.cleanStructuredReport());
            demo.put("clean-report-pdf.dcm", catalog.cleanPdfReport());
            demo.put("clean-tiff-dual-format.dcm", catalog.tiffDualFormat());
            demo.put("vendor-text-in-preamble.dcm", catalog.vendorTextPreamble());
            demo.put("pe-in-preamble.dcm", catalog.pePreamble());
            demo.put("elf-in-preamble.dcm", catalog.elfPreamble());
            demo.put("orthanc-config-in-preamble.dcm", catalog.orthancConfigPreamble());
            demo.put("pdf-openaction-javascript.dcm", catalog.pdfOpenActionJavaScript());
            demo.put("pdf-declared-but-exe.dcm", catalog.pdfDeclaredButPe());
            demo.put("zip-in-private-element.dcm", catalog.zipInPrivateElement());
            demo.put("exe-in-trailing-data.dcm", catalog.peInTrailingData());
            demo.put("eicar-test-string.dcm", catalog.eicarInComments());
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, byte[]> sample : demo.entrySet()) {
                Path file = dir.resolve(sample.getKey());
                Files.write(file, sample.getValue());
                written.add(file);
            }
            return written;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Writes a benchmark corpus of {@code count} objects into {@code dir}: mostly CT images whose pixel data
     * brings each to about {@code approxBytes}, plus a few small photos, reports and PDFs; a share
     * {@code infectedShare} carries one of the fakes. A handful of DCMTK calls make the base objects; every
     * file is then a Java variation (new UIDs, pixel noise, sizes), so thousands of files take seconds.
     * The same seed gives the same corpus.
     */
    public static Corpus writeCorpus(Path dir, int count, long approxBytes, double infectedShare, long seed)
            throws IOException {
        if (count < 0 || approxBytes < 0 || infectedShare < 0 || infectedShare > 1) {
            throw new IllegalArgumentException("count and approxBytes must be >= 0, infectedShare in [0, 1]");
        }
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("yara-guard-corpus");
        try {
            return new CorpusWriter(new SampleCatalog(work), dir, approxBytes, seed).write(count, infectedShare);
        } finally {
            deleteTree(work);
        }
    }

    private static final class CorpusWriter {

        private final Path dir;
        private final Random random;
        private final Uids uids;
        private final long seed;
        private final int side;
        private final Part10File ct;
        private final List<Part10File> smallClean;
        private final Map<String, UnaryOperator<Part10File>> imageInfections = new LinkedHashMap<>();
        private final Map<String, Part10File> documentInfections = new LinkedHashMap<>();
        private String study;
        private String series;
        private String patientId;

        CorpusWriter(SampleCatalog catalog, Path dir, long approxBytes, long seed) throws IOException {
            this.dir = dir;
            this.random = new Random(seed);
            this.uids = new Uids(seed);
            this.seed = seed;
            this.side = Math.max(16, Math.min(65534, (int) Math.sqrt(approxBytes / 2.0)) & ~1);
            BaseObjects bases = catalog.bases();
            Part10File image = bases.ctImage();
            this.ct = image.with(DicomElement.unsignedShort(ROWS, side)).with(DicomElement.unsignedShort(COLUMNS, side))
                    .without(DicomElement.PIXEL_DATA);
            Part10File pdf = bases.pdfDocument(PdfDocuments.report("No acute findings."));
            this.smallClean = List.of(bases.jpegPhoto(), bases.structuredReport(), pdf);
            imageInfections.put("pe-in-preamble",
                    f -> f.withPreamble(FakeContent.peHeader(0x40, Part10File.PREAMBLE_LENGTH)));
            imageInfections.put("elf-in-preamble",
                    f -> f.withPreamble(FakeContent.elfHeader(Part10File.PREAMBLE_LENGTH)));
            imageInfections.put("macho-in-preamble",
                    f -> f.withPreamble(FakeContent.machoHeader(0xCFFAEDFE, Part10File.PREAMBLE_LENGTH)));
            imageInfections.put("shebang-in-preamble", f -> f.withPreamble(FakeContent.shebangScript()));
            imageInfections.put("orthanc-config-in-preamble", f -> f.withPreamble(FakeContent.orthancConfig()));
            imageInfections.put("exe-in-private-element",
                    f -> SampleCatalog.withPrivatePayload(f, FakeContent.peWithDosStub(1024)));
            imageInfections.put("zip-in-trailing-data", f -> f.withTrailingData(FakeContent.zipArchive(0)));
            imageInfections.put("eicar-in-comments",
                    f -> f.with(DicomElement.text(SampleCatalog.IMAGE_COMMENTS, "LT", FakeContent.eicar())));
            documentInfections.put("pdf-openaction-javascript",
                    bases.pdfDocument(PdfDocuments.withOpenActionJavaScript()));
            documentInfections.put("pdf-declared-but-exe",
                    SampleCatalog.withDocument(pdf, FakeContent.peWithDosStub(1024), "application/pdf"));
        }

        Corpus write(int count, double infectedShare) throws IOException {
            List<Path> files = new ArrayList<>();
            List<Path> infected = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                if (i % OBJECTS_PER_SERIES == 0) {
                    study = uids.next();
                    series = uids.next();
                    patientId = String.format("YG%05d", i / OBJECTS_PER_SERIES);
                }
                boolean infect = random.nextDouble() < infectedShare;
                Path file = infect ? writeInfected(i) : writeClean(i);
                files.add(file);
                if (infect) {
                    infected.add(file);
                }
                bytes += Files.size(file);
            }
            return new Corpus(files, infected, bytes);
        }

        private Path writeClean(int index) throws IOException {
            // About one object in ten is a small non-image object, as in a real archive's mix.
            if (random.nextInt(10) == 0) {
                Part10File small = smallClean.get(random.nextInt(smallClean.size()));
                return writeWhole(index, "clean-" + kind(small), small);
            }
            return writeImage(index, "clean-ct", ct);
        }

        private Path writeInfected(int index) throws IOException {
            int choice = random.nextInt(imageInfections.size() + documentInfections.size());
            if (choice < imageInfections.size()) {
                Map.Entry<String, UnaryOperator<Part10File>> infection =
                        new ArrayList<>(imageInfections.entrySet()).get(choice);
                return writeImage(index, infection.getKey(), infection.getValue().apply(ct));
            }
            Map.Entry<String, Part10File> document =
                    new ArrayList<>(documentInfections.entrySet()).get(choice - imageInfections.size());
            return writeWhole(index, document.getKey(), document.getValue());
        }

        private Path writeWhole(int index, String name, Part10File file) throws IOException {
            Path path = dir.resolve(String.format("%05d-%s.dcm", index, name));
            Files.write(path, identify(file).toBytes());
            return path;
        }

        private Path writeImage(int index, String name, Part10File head) throws IOException {
            Path path = dir.resolve(String.format("%05d-%s.dcm", index, name));
            Part10File file = identify(head);
            byte[] trailing = file.trailingData();
            long pixelBytes = 2L * side * side;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), PIXEL_CHUNK)) {
                file.withTrailingData(new byte[0]).writeTo(out);
                Part10File.writeHeader(out, DicomElement.PIXEL_DATA, "OW", pixelBytes);
                writeNoise(out, pixelBytes, new SplittableRandom(seed * 31 + index));
                out.write(trailing);
            }
            return path;
        }

        private Part10File identify(Part10File file) {
            String instance = uids.next();
            // DCMTK stamps the time it ran: a fixed stamp keeps the corpus a function of the seed alone.
            Part10File stamped = file;
            if (file.get(INSTANCE_CREATION_DATE).isPresent()) {
                stamped = stamped.with(DicomElement.text(INSTANCE_CREATION_DATE, "DA", "20250101"));
            }
            if (file.get(INSTANCE_CREATION_TIME).isPresent()) {
                stamped = stamped.with(DicomElement.text(INSTANCE_CREATION_TIME, "TM", "120000"));
            }
            return stamped.with(DicomElement.uid(SOP_INSTANCE_UID, instance))
                    .with(DicomElement.uid(MEDIA_SOP_INSTANCE_UID, instance))
                    .with(DicomElement.uid(STUDY_INSTANCE_UID, study))
                    .with(DicomElement.uid(SERIES_INSTANCE_UID, series))
                    .with(DicomElement.text(PATIENT_ID, "LO", patientId));
        }

        private static String kind(Part10File file) {
            return file.get(SampleCatalog.ENCAPSULATED_DOCUMENT).isPresent() ? "pdf"
                    : file.get(DicomElement.PIXEL_DATA).isPresent() ? "photo" : "report";
        }

        private static void writeNoise(OutputStream out, long length, SplittableRandom noise) throws IOException {
            ByteBuffer chunk = ByteBuffer.allocate(PIXEL_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            long left = length;
            while (left > 0) {
                chunk.clear();
                while (chunk.remaining() >= Long.BYTES) {
                    chunk.putLong(noise.nextLong() & TWELVE_BIT_PIXELS);
                }
                int n = (int) Math.min(left, PIXEL_CHUNK);
                out.write(chunk.array(), 0, n);
                left -= n;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
