package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.at;
import static org.yaraguard.rules.adversarial.Payloads.concat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.yaraguard.rules.samples.FakeContent;
import org.yaraguard.rules.samples.Part10File;
import org.yaraguard.rules.samples.PdfDocuments;

/**
 * Clean objects that look like the malicious ones: the bytes, words and shapes a careless fix would refuse. None may
 * be rejected.
 */
final class CleanLookAlikes {

    private static final int BIG_SIDE = 256;

    private CleanLookAlikes() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();
        Random random = new Random(7);

        byte[] big = Specimens.pixels(BIG_SIDE, BIG_SIDE);
        byte[] mzFarFromPe = at(at(big, 1000, Payloads.ascii("MZ")), 100_000, new byte[] {'P', 'E', 0, 0});
        corpus.clean(1, "pixel-data-mz-and-pe-far-apart", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_LE, BIG_SIDE, BIG_SIDE, mzFarFromPe).part10(),
                "pixels that contain MZ and, 99 KB later, PE\\0\\0, with no e_lfanew between them");

        byte[] fakeElf = at(Specimens.pixels(Specimens.SIDE, Specimens.SIDE), 300,
                new byte[] {0x7F, 'E', 'L', 'F', 9, 9, 9, 9});
        corpus.clean(1, "pixel-data-elf-magic-without-header", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_LE, fakeElf).part10(),
                "pixels with \\x7FELF followed by values no ELF header has");

        Specimen words = specimens.image(Encoding.EXPLICIT_LE);
        words.dataset().text(0x00204000, "LT", "Vendor note: the web viewer needs JavaScript. The EICAR test file "
                + "(EICAR-STANDARD-ANTIVIRUS-TEST-FILE) was used to check the antivirus. The old installer printed "
                + "'This program cannot be run in DOS mode' when started from a DOS prompt.");
        corpus.clean(1, "text-mentions-javascript-eicar-dos-stub", Arrival.stowRs(), words.part10(),
                "Image Comments that quote JavaScript, the EICAR name and the DOS stub sentence, with no payload");

        Specimen vendorPreamble = specimens.image(Encoding.EXPLICIT_LE);
        corpus.clean(1, "preamble-vendor-text", Arrival.stowRs(), Part10.file(FakeContent.vendorText(),
                        Encoding.EXPLICIT_LE.uid(), vendorPreamble.sopClass(), vendorPreamble.sopInstance(),
                        vendorPreamble.bare(), 0),
                "a preamble with a vendor's name in it: odd, not dangerous");

        byte[] tiffBase = specimens.image(Encoding.EXPLICIT_LE).part10();
        long pixelOffset = Part10File.read(tiffBase).valueOffset(Specimens.PIXEL_DATA);
        corpus.clean(1, "tiff-dual-format-preamble", Arrival.stowRs(), Part10File.read(tiffBase)
                        .withPreamble(FakeContent.tiffHeader(pixelOffset, Specimens.SIDE, Specimens.SIDE)).toBytes(),
                "a TIFF header in the preamble whose strip is the DICOM pixel data (PS3.10 dual format)");

        Specimen largePrivate = specimens.image(Encoding.EXPLICIT_LE);
        byte[] vendorBlob = new byte[2 * 1024 * 1024];
        random.nextBytes(vendorBlob);
        Specimens.withPrivate(largePrivate.dataset(), "OB", vendorBlob);
        corpus.clean(2, "large-private-ob-2-mib", Arrival.stowRs(), largePrivate.part10(),
                "2 MiB of vendor data (seeded random bytes) in a private OB");

        Specimen archive = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(archive.dataset(), "OB", FakeContent.zipArchive(0));
        corpus.clean(1, "zip-of-text-in-private-ob", Arrival.stowRs(), archive.part10(),
                "a vendor ZIP holding readme.txt in a private OB: a container worth a tag, not a refusal");

        Specimen smallValues = specimens.image(Encoding.EXPLICIT_LE);
        smallValues.dataset().text(0x00190010, "LO", "ACME MR 2.1");
        for (int element = 0; element < 48; element++) {
            byte[] value = new byte[8 + element * 4];
            random.nextBytes(value);
            smallValues.dataset().value(0x00191000 | element, element % 2 == 0 ? "OB" : "UN", value);
        }
        corpus.clean(2, "forty-eight-small-private-values", Arrival.stowRs(), smallValues.part10(),
                "48 small private OB/UN values of vendor bytes (8 to 196 bytes each)");

        corpus.clean(2, "jpeg-photo-img2dcm", Arrival.stowRs(), corpus.dcmtk().jpegPhoto().toBytes(),
                "a JPEG photo encapsulated by DCMTK img2dcm");

        Specimen standard = specimens.image(Encoding.EXPLICIT_LE);
        Dataset iconItem = new Dataset(Encoding.EXPLICIT_LE);
        Specimens.pixelModule(iconItem, 16, 16, 8);
        byte[] iconPixels = new byte[256];
        for (int i = 0; i < iconPixels.length; i++) {
            iconPixels[i] = (byte) (i % 16 * 16);
        }
        iconItem.value(Specimens.PIXEL_DATA, "OB", iconPixels);
        byte[] overlayBits = new byte[Specimens.SIDE * Specimens.SIDE / 8];
        for (int i = 0; i < overlayBits.length; i += 4) {
            overlayBits[i] = (byte) 0xFF;
        }
        standard.dataset()
                .unsignedShort(0x60000010, Specimens.SIDE)
                .unsignedShort(0x60000011, Specimens.SIDE)
                .text(0x60000040, "CS", "G")
                .value(0x60000050, "SS", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) 1).putShort((short) 1).array())
                .unsignedShort(0x60000100, 1)
                .unsignedShort(0x60000102, 0)
                .value(0x60003000, "OW", overlayBits)
                .sequence(0x00880200, List.of(iconItem))
                .value(0xFFFCFFFC, "OB", new byte[64]);
        corpus.clean(2, "overlay-icon-and-padding", Arrival.stowRs(), standard.part10(),
                "real overlay bits, an icon image and zero trailing padding (FFFC,FFFC)");

        Specimen ecg = specimens.identity(Encoding.EXPLICIT_LE, Specimens.TWELVE_LEAD_ECG, "ECG");
        ecg.dataset().sequence(0x54000100, List.of(StandardBinaryElements.waveform(
                StandardBinaryElements.sineWave(5000))));
        corpus.clean(2, "ecg-waveform", Arrival.stowRs(), ecg.part10(), "a 12-lead ECG with a sine-wave channel");

        List<byte[]> fragments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            fragments.add(concat(i == 0 ? StandardBinaryElements.jpegStart() : new byte[0], noise,
                    i == 2 ? StandardBinaryElements.jpegEnd() : new byte[0]));
        }
        corpus.clean(3, "three-fragment-frame", Arrival.stowRs(),
                specimens.encapsulatedImage(fragments).part10(Encoding.JPEG_BASELINE),
                "one frame in three fragments of entropy-coded-looking bytes");

        byte[] firstFrame = concat(StandardBinaryElements.jpegStart(), new byte[500], StandardBinaryElements.jpegEnd());
        byte[] secondFrame = concat(StandardBinaryElements.jpegStart(), Payloads.ascii("MZ"), new byte[498],
                StandardBinaryElements.jpegEnd());
        byte[] offsets = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0)
                .putInt(8 + firstFrame.length).array();
        Specimen frames = specimens.encapsulatedImage(List.of(firstFrame, secondFrame));
        frames.dataset().text(0x00280008, "IS", "2")
                .fragments(Specimens.PIXEL_DATA, "OB", List.of(offsets, firstFrame, secondFrame));
        corpus.clean(3, "two-frames-with-offset-table", Arrival.stowRs(), frames.part10(Encoding.JPEG_BASELINE),
                "two frames, one fragment each, with a Basic Offset Table; MZ starts the second frame's data");

        Specimen deep = specimens.image(Encoding.EXPLICIT_LE);
        deep.dataset().text(Specimens.PRIVATE_CREATOR, "LO", "ACME 1.0").sequence(ReaderStops.NESTED_SEQUENCE,
                List.of(ReaderStops.nested(Encoding.EXPLICIT_LE, 20, Payloads.ascii("LEAF NODE OF A DEEP TREE"))));
        corpus.clean(4, "twenty-nested-sequences", Arrival.stowRs(), deep.part10(),
                "sequences 20 levels deep, as deep structured reports and private trees go");

        Specimen trailingZeros = specimens.image(Encoding.EXPLICIT_LE);
        trailingZeros.dataset().thenRaw(new byte[64]);
        corpus.clean(4, "zero-bytes-after-dataset", Arrival.stowRs(), trailingZeros.part10(),
                "64 zero bytes after the last element: padding some writers leave");

        corpus.clean(5, "cstore-implicit-little-endian", Arrival.cStore(Encoding.IMPLICIT_LE),
                specimens.image(Encoding.IMPLICIT_LE).bare(), "a plain implicit VR image over C-STORE");

        Specimen dicmText = specimens.image(Encoding.EXPLICIT_LE);
        dicmText.dataset().text(0x00080005, "CS", "ISO_IR 100" + " ".repeat(110) + "DICM");
        corpus.clean(5, "cstore-dicm-at-128-no-payload", Arrival.cStore(Encoding.EXPLICIT_LE), dicmText.bare(),
                "a C-STORE dataset whose bytes 128-131 happen to read DICM: a dataset, not a Part-10 file");

        corpus.clean(6, "explicit-big-endian-image", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_BE).part10(), "a plain explicit VR big endian image");

        byte[] odd = oddDeflated(corpus);
        byte[] bigEndianPixels = at(at(Specimens.pixels(BIG_SIDE, BIG_SIDE), 2000, Payloads.ascii("MZ")), 90_000,
                new byte[] {'P', 'E', 0, 0});
        corpus.clean(6, "big-endian-pixels-mz-and-pe-far-apart", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_BE, BIG_SIDE, BIG_SIDE, bigEndianPixels).part10(),
                "big endian pixels whose swapped view holds MZ and, 86 KB later, PE\\0\\0");

        corpus.clean(6, "deflated-by-dcmconv-odd-length", Arrival.stowRs(), odd,
                "DCMTK 3.6.7 dcmconv +td output: a deflate stream of odd length, written without a padding byte");
        corpus.clean(6, "deflated-odd-length-with-padding-byte", Arrival.stowRs(), concat(odd, new byte[1]),
                "the same with the zero byte PS3.5 A.5 asks for after an odd-length deflate stream");

        int rows = 1024;
        int columns = 1000;
        byte[] uniform = new byte[rows * columns * 2];
        for (int i = 0; i < uniform.length; i += 2) {
            uniform[i] = 'M';
            uniform[i + 1] = 'Z';
        }
        corpus.clean(7, "pixels-a-million-times-mz", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_LE, rows, columns, uniform).part10(),
                "a uniform 16-bit image of value 23117 (bytes 4D 5A): 1,024,000 MZ in a row, past libyara's "
                        + "1,000,000 matches per string, with no PE anywhere");

        Specimen perFrame = specimens.image(Encoding.EXPLICIT_LE);
        List<Dataset> frameItems = new ArrayList<>();
        for (int frame = 0; frame < 10_001; frame++) {
            Dataset item = new Dataset(Encoding.EXPLICIT_LE).text(0x00190010, "LO", "ACME MR 2.1")
                    .value(0x00191001, "OB", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                            .putFloat(frame * 0.5f).putFloat(1.5f).array());
            frameItems.add(new Dataset(Encoding.EXPLICIT_LE).sequence(0x00211001, List.of(item)));
        }
        perFrame.dataset().text(0x00210010, "LO", "ACME MR 2.1").sequence(0x52009230, frameItems);
        corpus.clean(7, "ten-thousand-frames-with-private-values", Arrival.stowRs(), perFrame.part10(),
                "a Per-Frame Functional Groups Sequence of 10,001 items, each with an 8-byte private OB of vendor "
                        + "floats, as large enhanced multi-frame objects carry");

        corpus.clean(6, "pdf-non-script-open-action", Arrival.stowRs(),
                corpus.dcmtk().pdfDocument(PdfDocuments.report("Normal study")).toBytes(),
                "pdf2dcm around a PDF whose /OpenAction only shows page 1");

        byte[] attachment = PdfBuilder.onePage("Prior report: no change")
                .packed(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>")
                .build(PdfBuilder.StreamFilter.FLATE);
        corpus.clean(6, "pdf-with-attached-pdf-without-script", Arrival.stowRs(), specimens.pdf(Encoding.EXPLICIT_LE,
                        PdfBuilder.onePage("Cover letter")
                                .object(1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>")
                                .object(6, "<< /Names [(prior.pdf) 7 0 R] >>")
                                .object(7, "<< /Type /Filespec /F (prior.pdf) /UF (prior.pdf) /EF << /F 8 0 R >> >>")
                                .embeddedFile(8, attachment)
                                .build(PdfBuilder.StreamFilter.NONE)).part10(),
                "a PDF carrying a prior report as an attached PDF, with no script at any level (tagged at most)");

        byte[] compressedPdf = PdfBuilder.onePage("Patient portal: enable JavaScript to view images")
                .packed(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /FitH 792] >>")
                .build(PdfBuilder.StreamFilter.FLATE);
        corpus.clean(6, "pdf-object-stream-text-mentions-javascript", Arrival.stowRs(),
                specimens.pdf(Encoding.EXPLICIT_LE, compressedPdf).part10(),
                "a PDF with a compressed catalog (/ObjStm) and a page whose text says JavaScript");
    }

    /** A DCMTK-deflated CT whose deflate stream, the last bytes of the file, has odd length. */
    private static byte[] oddDeflated(AdversarialCorpus corpus) throws IOException {
        for (int attempt = 0; attempt < 16; attempt++) {
            byte[] deflated = corpus.dcmtk().convert(corpus.dcmtk().ctImage().toBytes(), "+td");
            if (deflateStreamLength(deflated) % 2 == 1) {
                return deflated;
            }
        }
        throw new IllegalStateException("dcmconv +td gave no odd-length deflate stream in 16 attempts");
    }

    /** Length of the deflate stream that starts after the file meta, or -1 if it does not end in the file. */
    private static int deflateStreamLength(byte[] part10) {
        int metaLength = ByteBuffer.wrap(part10, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int datasetStart = 144 + metaLength;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(part10, datasetStart, part10.length - datasetStart);
            byte[] sink = new byte[64 * 1024];
            while (!inflater.finished()) {
                if (inflater.inflate(sink) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return -1;
                }
            }
            return part10.length - datasetStart - inflater.getRemaining();
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }
}
