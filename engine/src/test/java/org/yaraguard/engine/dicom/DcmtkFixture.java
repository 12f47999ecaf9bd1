package org.yaraguard.engine.dicom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Makes real DICOM files with DCMTK (dump2dcm, img2dcm, pdf2dcm) in a folder. Commands are fixed argument lists
 * run without a shell; a missing DCMTK fails the test with the package to install.
 */
final class DcmtkFixture {

    static final String PRIVATE_PAYLOAD_HEX = "4d5a900003000000";
    static final int PRIVATE_VALUE_BYTES = 300;
    static final String PATIENT_NAME = "Doe^John";
    static final String PATIENT_ID = "PID-42";
    static final String STUDY_UID = "1.2.826.0.1.3680043.2.1125.1";
    static final String SERIES_UID = "1.2.826.0.1.3680043.2.1125.1.2";
    static final String SOP_INSTANCE_UID = "1.2.826.0.1.3680043.2.1125.1.2.3";
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String ACCESSION = "ACC-7";
    static final String STUDY_DATE = "20240102";

    private static final long TIMEOUT_SECONDS = 60;

    private final Path folder;

    DcmtkFixture(Path folder) {
        this.folder = folder;
    }

    /**
     * A dataset with every review attribute, a private OB value of {@link #PRIVATE_VALUE_BYTES} bytes starting
     * with {@link #PRIVATE_PAYLOAD_HEX} at top level (tag 0009,1001) and another inside an undefined-length
     * sequence item (tag 0011,1001), plus a small private value that is below the region threshold.
     */
    static String sampleDump() {
        return String.join("\n",
                "(0008,0005) CS [ISO_IR 100]",
                "(0008,0016) UI =SecondaryCaptureImageStorage",
                "(0008,0018) UI [" + SOP_INSTANCE_UID + "]",
                "(0008,0020) DA [" + STUDY_DATE + "]",
                "(0008,0050) SH [" + ACCESSION + "]",
                "(0008,0060) CS [OT]",
                "(0008,1140) SQ (Sequence with undefined length #=1)",
                "  (fffe,e000) na (Item with undefined length #=1)",
                "    (0008,1150) UI =CTImageStorage",
                "    (0011,0010) LO [ACME NESTED]",
                "    (0011,1001) OB " + hexValue(),
                "  (fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(0009,0010) LO [ACME]",
                "(0009,1001) OB " + hexValue(),
                "(0009,1002) OB 01\\02\\03\\04",
                "(0010,0010) PN [" + PATIENT_NAME + "]",
                "(0010,0020) LO [" + PATIENT_ID + "]",
                "(0020,000d) UI [" + STUDY_UID + "]",
                "(0020,000e) UI [" + SERIES_UID + "]",
                "");
    }

    /** The bytes every private value of {@link #sampleDump()} holds. */
    static byte[] privateValue() {
        byte[] value = new byte[PRIVATE_VALUE_BYTES];
        byte[] payload = HexFormat.of().parseHex(PRIVATE_PAYLOAD_HEX);
        System.arraycopy(payload, 0, value, 0, payload.length);
        for (int i = payload.length; i < value.length; i++) {
            value[i] = (byte) i;
        }
        return value;
    }

    /** Runs dump2dcm on the dump with the given options (e.g. "+ti", "+tb", "+td", "-e"). */
    Path dump2dcm(String name, String dump, String... options) throws IOException {
        Path dumpFile = folder.resolve(name + ".dump");
        Files.writeString(dumpFile, dump, StandardCharsets.ISO_8859_1);
        Path out = folder.resolve(name + ".dcm");
        List<String> command = new ArrayList<>(List.of("dump2dcm", "-q"));
        command.addAll(List.of(options));
        command.add(dumpFile.toString());
        command.add(out.toString());
        run(command);
        return out;
    }

    /** A 32x32 grey JPEG made with ImageIO, wrapped by img2dcm (JPEG baseline, encapsulated pixel data). */
    Path jpegImage(String name) throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.getRaster().setSample(x, y, 0, (x * 8 + y * 3) & 0xFF);
            }
        }
        Path jpeg = folder.resolve(name + ".jpg");
        if (!ImageIO.write(image, "jpg", jpeg.toFile())) {
            throw new IllegalStateException("no ImageIO JPEG writer");
        }
        Path out = folder.resolve(name + ".dcm");
        run(List.of("img2dcm", "-q", "-i", "JPEG", "-k", "PatientName=" + PATIENT_NAME, "-k",
                "PatientID=" + PATIENT_ID, "-k", "StudyInstanceUID=" + STUDY_UID, "-k", "Modality=OT",
                jpeg.toString(), out.toString()));
        return out;
    }

    /** The given PDF wrapped by pdf2dcm (Encapsulated PDF Storage). */
    Path pdfDocument(String name, byte[] pdf) throws IOException {
        Path pdfFile = folder.resolve(name + ".pdf");
        Files.write(pdfFile, pdf);
        Path out = folder.resolve(name + ".dcm");
        run(List.of("pdf2dcm", "-q", "+pn", PATIENT_NAME, "+pi", PATIENT_ID, "+t", "Report",
                pdfFile.toString(), out.toString()));
        return out;
    }

    /** A small valid one-page PDF written by hand, with a correct cross-reference table. */
    static byte[] minimalPdf() {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Offset of the first dataset byte of a Part-10 file, from its (0002,0000) group length. */
    static int datasetStart(byte[] part10) {
        int groupLengthValue = 132 + 8;
        int groupLength = (part10[groupLengthValue] & 0xFF) | (part10[groupLengthValue + 1] & 0xFF) << 8
                | (part10[groupLengthValue + 2] & 0xFF) << 16 | (part10[groupLengthValue + 3] & 0xFF) << 24;
        return groupLengthValue + 4 + groupLength;
    }

    private static String hexValue() {
        StringBuilder hex = new StringBuilder();
        for (byte b : privateValue()) {
            if (hex.length() > 0) {
                hex.append('\\');
            }
            hex.append(String.format("%02x", b & 0xFF));
        }
        return hex.toString();
    }

    private static void run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("DCMTK is needed for these tests (" + command.get(0)
                    + " not found): apt-get install dcmtk", e);
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with " + process.exitValue() + ": "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
