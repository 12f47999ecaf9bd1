package org.yaraguard.rules.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Clean DICOM objects made by DCMTK (dump2dcm, img2dcm, pdf2dcm, dcmconv) in a work folder. Each call runs
 * the tool once; callers keep the results and vary them in Java.
 */
public final class BaseObjects {

    /** Private creator and element used for payloads in private elements, group 0009. */
    public static final int PRIVATE_CREATOR = 0x00090010;
    public static final int PRIVATE_PAYLOAD = 0x00091010;
    public static final String PRIVATE_CREATOR_NAME = "YARA GUARD SAMPLES";

    private static final int CT_SIDE = 64;

    private final Path workFolder;
    private final Dcmtk dcmtk;
    private final Uids uids;
    private int counter;

    /** Tools write into {@code workFolder}, which must exist; UIDs are derived from {@code seed}. */
    public BaseObjects(Path workFolder, long seed) throws IOException {
        this.workFolder = workFolder;
        this.dcmtk = new Dcmtk(workFolder);
        this.uids = new Uids(seed);
        dcmtk.requireInstalled();
    }

    /** A 64×64 16-bit CT slice (dump2dcm), pixel data last. */
    public Part10File ctImage() throws IOException {
        return Part10File.read(ctImage(List.of()));
    }

    /** A CT slice with a private element (0009,1010) OB read by dump2dcm from a file holding {@code payload}. */
    public Part10File ctImageWithPrivatePayload(byte[] payload) throws IOException {
        Path file = next("payload", ".bin");
        Files.write(file, payload);
        return Part10File.read(ctImage(List.of(
                "(0009,0010) LO [" + PRIVATE_CREATOR_NAME + "]",
                "(0009,1010) OB =" + file.getFileName())));
    }

    /** A secondary capture of a JPEG picture (img2dcm; encapsulated baseline JPEG pixel data). */
    public Part10File jpegPhoto() throws IOException {
        Path picture = next("photo", ".jpg");
        SourceImages.write(picture, "jpeg", 320, 240);
        return imageToDicom(picture, "JPEG");
    }

    /** A secondary capture of a BMP picture (img2dcm; native RGB pixel data). */
    public Part10File bmpCapture() throws IOException {
        Path picture = next("capture", ".bmp");
        SourceImages.write(picture, "bmp", 200, 150);
        return imageToDicom(picture, "BMP");
    }

    /** A Basic Text SR with one finding (dump2dcm). */
    public Part10File structuredReport() throws IOException {
        List<String> dump = new ArrayList<>(List.of(
                "(0008,0016) UI =BasicTextSRStorage",
                "(0008,0018) UI [" + uids.next() + "]",
                "(0008,0020) DA [20250101]",
                "(0008,0030) TM [120000]",
                "(0008,0050) SH [ACC0002]",
                "(0008,0060) CS [SR]"));
        dump.addAll(patientAndStudy());
        dump.addAll(List.of(
                "(0040,a040) CS [CONTAINER]",
                "(0040,a043) SQ (Sequence with undefined length)",
                "  (fffe,e000) na (Item with undefined length)",
                "    (0008,0100) SH [11528-7]",
                "    (0008,0102) SH [LN]",
                "    (0008,0104) LO [Radiology Report]",
                "  (fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(0040,a050) CS [SEPARATE]",
                "(0040,a491) CS [COMPLETE]",
                "(0040,a493) CS [UNVERIFIED]",
                "(0040,a730) SQ (Sequence with undefined length)",
                "  (fffe,e000) na (Item with undefined length)",
                "    (0040,a010) CS [CONTAINS]",
                "    (0040,a040) CS [TEXT]",
                "    (0040,a160) UT [No acute findings. Sample report made by YARA Guard.]",
                "  (fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)"));
        return Part10File.read(dumpToDicom(dump));
    }

    /** An Encapsulated PDF object holding {@code pdf} (pdf2dcm, which insists on a %PDF header). */
    public Part10File pdfDocument(byte[] pdf) throws IOException {
        Path input = next("document", ".pdf");
        Path output = next("document", ".dcm");
        Files.write(input, pdf);
        dcmtk.run("pdf2dcm", List.of("+te", "+pn", "Sample^Patient", "+pi", "YG0001", "+t", "Sample report",
                input.getFileName().toString(), output.getFileName().toString()));
        return Part10File.read(Files.readAllBytes(output));
    }

    /** {@code part10} rewritten by dcmconv with {@code transferSyntaxOption} ({@code +tb}, {@code +td}, {@code +ti}). */
    public byte[] convert(byte[] part10, String transferSyntaxOption) throws IOException {
        if (!List.of("+tb", "+td", "+ti", "+te").contains(transferSyntaxOption)) {
            throw new IllegalArgumentException("unsupported dcmconv option " + transferSyntaxOption);
        }
        Path input = next("convert-in", ".dcm");
        Path output = next("convert-out", ".dcm");
        Files.write(input, part10);
        dcmtk.run("dcmconv", List.of(transferSyntaxOption, input.getFileName().toString(),
                output.getFileName().toString()));
        return Files.readAllBytes(output);
    }

    private byte[] ctImage(List<String> privateLines) throws IOException {
        Path pixels = next("pixels", ".raw");
        Files.write(pixels, ctPixels());
        List<String> dump = new ArrayList<>(List.of(
                "(0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]",
                "(0008,0016) UI =CTImageStorage",
                "(0008,0018) UI [" + uids.next() + "]",
                "(0008,0020) DA [20250101]",
                "(0008,0030) TM [120000]",
                "(0008,0050) SH [ACC0001]",
                "(0008,0060) CS [CT]",
                "(0008,0070) LO [YARA Guard samples]"));
        dump.addAll(privateLines);
        dump.addAll(patientAndStudy());
        dump.addAll(List.of(
                "(0018,0050) DS [1.0]",
                "(0020,0032) DS [0\\0\\0]",
                "(0020,0037) DS [1\\0\\0\\0\\1\\0]",
                "(0028,0002) US 1",
                "(0028,0004) CS [MONOCHROME2]",
                "(0028,0010) US " + CT_SIDE,
                "(0028,0011) US " + CT_SIDE,
                "(0028,0030) DS [0.5\\0.5]",
                "(0028,0100) US 16",
                "(0028,0101) US 12",
                "(0028,0102) US 11",
                "(0028,0103) US 0",
                "(0028,1050) DS [40]",
                "(0028,1051) DS [400]",
                "(0028,1052) DS [-1024]",
                "(0028,1053) DS [1]",
                "(7fe0,0010) OW =" + pixels.getFileName()));
        return dumpToDicom(dump);
    }

    private List<String> patientAndStudy() {
        return List.of(
                "(0010,0010) PN [Sample^Patient]",
                "(0010,0020) LO [YG0001]",
                "(0010,0030) DA [19700101]",
                "(0010,0040) CS [O]",
                "(0020,000d) UI [" + uids.next() + "]",
                "(0020,000e) UI [" + uids.next() + "]",
                "(0020,0010) SH [1]",
                "(0020,0011) IS [1]",
                "(0020,0013) IS [1]");
    }

    private static byte[] ctPixels() {
        ByteBuffer pixels = ByteBuffer.allocate(CT_SIDE * CT_SIDE * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < CT_SIDE; y++) {
            for (int x = 0; x < CT_SIDE; x++) {
                int dx = x - CT_SIDE / 2;
                int dy = y - CT_SIDE / 2;
                pixels.putShort((short) (dx * dx + dy * dy < 24 * 24 ? 1100 : 24));
            }
        }
        return pixels.array();
    }

    private Part10File imageToDicom(Path picture, String format) throws IOException {
        Path output = next("image", ".dcm");
        dcmtk.run("img2dcm", List.of("-i", format, "-k", "PatientName=Sample^Patient", "-k", "PatientID=YG0001",
                picture.getFileName().toString(), output.getFileName().toString()));
        return Part10File.read(Files.readAllBytes(output));
    }

    private byte[] dumpToDicom(List<String> dump) throws IOException {
        Path input = next("dataset", ".dump");
        Path output = next("dataset", ".dcm");
        Files.write(input, (String.join("\n", dump) + "\n").getBytes(StandardCharsets.US_ASCII));
        dcmtk.run("dump2dcm", List.of("+te", input.getFileName().toString(), output.getFileName().toString()));
        return Files.readAllBytes(output);
    }

    private Path next(String stem, String suffix) {
        counter++;
        return workFolder.resolve(stem + "-" + counter + suffix);
    }
}
