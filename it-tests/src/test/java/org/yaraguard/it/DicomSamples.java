package org.yaraguard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: real DICOM objects made at test time by DCMTK (dump2dcm for images, pdf2dcm for encapsulated
 * PDFs) in a work folder, with UIDs under a test root whose last component has a fixed width (see
 * {@link DicomSample#variant}). Tools run with argument lists, never through a shell.
 */
final class DicomSamples {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1";
    static final int STUDY = 1;
    static final int SERIES = 2;
    static final int INSTANCE = 3;
    /** Text the integration tests' own tag rule looks for. */
    static final String TAG_MARKER = "YG-IT-TAG-MARKER";
    /** Text the integration tests' hot-reload rule looks for. */
    static final String RELOAD_MARKER = "YG-IT-RELOAD-MARKER";
    private static final String ROOT = "2.25.271828182845904523536";

    private final Path folder;

    DicomSamples(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    static String uid(int kind, int number) {
        return ROOT + "." + kind + "." + (10_000_000 + number);
    }

    /** An 8 x 8 secondary-capture image; {@code privateText}, when not null, goes into a private LT element. */
    DicomSample image(String name, int number, String privateText) throws IOException {
        return image(name, number, privateText, 8);
    }

    /** A {@code side} x {@code side} 8-bit secondary-capture image (pixel data read by dump2dcm from a file). */
    DicomSample image(String name, int number, String privateText, int side) throws IOException {
        return image(name, number, privateText, side, "Test^Patient" + number);
    }

    /** An 8 x 8 image with this Patient's Name (no square brackets: dump2dcm's value delimiters). */
    DicomSample image(String name, int number, String privateText, String patientName) throws IOException {
        return image(name, number, privateText, 8, patientName);
    }

    private DicomSample image(String name, int number, String privateText, int side, String patientName)
            throws IOException {
        if (patientName.contains("[") || patientName.contains("]")) {
            throw new IllegalArgumentException("dump2dcm cannot take square brackets in a value: " + patientName);
        }
        String study = uid(STUDY, number);
        String sop = uid(INSTANCE, number);
        byte[] pixels = new byte[side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 + number);
        }
        Path pixelFile = folder.resolve(name + ".raw");
        Files.write(pixelFile, pixels);
        List<String> dump = new ArrayList<>(List.of(
                "(0008,0016) UI [" + SECONDARY_CAPTURE + "]",
                "(0008,0018) UI [" + sop + "]",
                "(0008,0020) DA [20261125]",
                "(0008,0050) SH [ACC" + number + "]",
                "(0008,0060) CS [OT]",
                "(0010,0010) PN [" + patientName + "]",
                "(0010,0020) LO [PID" + number + "]",
                "(0020,000d) UI [" + study + "]",
                "(0020,000e) UI [" + uid(SERIES, number) + "]",
                "(0028,0002) US 1",
                "(0028,0004) CS [MONOCHROME2]",
                "(0028,0010) US " + side,
                "(0028,0011) US " + side,
                "(0028,0100) US 8",
                "(0028,0101) US 8",
                "(0028,0102) US 7",
                "(0028,0103) US 0"));
        if (privateText != null) {
            dump.add("(0011,0010) LO [YARA GUARD IT]");
            dump.add("(0011,1001) LT [" + privateText + "]");
        }
        dump.add("(7fe0,0010) OB =" + pixelFile.getFileName());
        Path dumpFile = folder.resolve(name + ".dump");
        Path out = folder.resolve(name + ".dcm");
        Files.write(dumpFile, dump, StandardCharsets.US_ASCII);
        run("dump2dcm", "+te", dumpFile.toString(), out.toString());
        return new DicomSample(name, Files.readAllBytes(out), study, sop);
    }

    /** An encapsulated PDF; with {@code javascript} the PDF opens with a JavaScript action. */
    DicomSample pdf(String name, int number, boolean javascript) throws IOException {
        String study = uid(STUDY, number);
        String sop = uid(INSTANCE, number);
        String catalog = javascript
                ? "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>\nendobj\n"
                : "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
        String script = javascript
                ? "3 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert\\('integration test'\\);) >>\nendobj\n"
                : "";
        String pdf = "%PDF-1.4\n" + catalog
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" + script
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        Path pdfFile = folder.resolve(name + ".pdf");
        Path out = folder.resolve(name + ".dcm");
        Files.writeString(pdfFile, pdf, StandardCharsets.US_ASCII);
        run("pdf2dcm", "+pn", "Pdf^Patient" + number, "+pi", "PID" + number, "+t", "Report",
                "-k", "0020,000D=" + study, "-k", "0020,000E=" + uid(SERIES, number),
                "-k", "0008,0018=" + sop, pdfFile.toString(), out.toString());
        return new DicomSample(name, Files.readAllBytes(out), study, sop);
    }

    /**
     * An encapsulated PDF opening with a JavaScript action, made by dump2dcm with many attributes around it: patient,
     * study, series and document attributes, a Procedure Code Sequence with one item, and a private element.
     */
    DicomSample richPdfWithJavaScript(String name, int number) throws IOException {
        String study = uid(STUDY, number);
        String sop = uid(INSTANCE, number);
        Path pdfFile = folder.resolve(name + ".pdf");
        Files.writeString(pdfFile, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert\\('release test'\\);) >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n", StandardCharsets.US_ASCII);
        List<String> dump = List.of(
                "(0008,0016) UI [" + ENCAPSULATED_PDF + "]",
                "(0008,0018) UI [" + sop + "]",
                "(0008,0020) DA [20261130]",
                "(0008,0023) DA [20261130]",
                "(0008,0030) TM [101500]",
                "(0008,0033) TM [101512]",
                "(0008,0050) SH [ACC" + number + "]",
                "(0008,0060) CS [DOC]",
                "(0008,0064) CS [WSD]",
                "(0008,0070) LO [Release Test Vendor]",
                "(0008,0080) LO [Release Test Hospital]",
                "(0008,0090) PN [Referring^Doctor]",
                "(0008,1030) LO [Study of a released report]",
                "(0008,1032) SQ (Sequence with explicit length #=1)",
                "(fffe,e000) na (Item with explicit length #=3)",
                "(0008,0100) SH [RT" + number + "]",
                "(0008,0102) SH [99LOCAL]",
                "(0008,0104) LO [Release test procedure]",
                "(fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(0008,103e) LO [Scanned documents]",
                "(0010,0010) PN [Release^Patient" + number + "]",
                "(0010,0020) LO [PID" + number + "]",
                "(0010,0030) DA [19700101]",
                "(0010,0040) CS [O]",
                "(0011,0010) LO [YARA GUARD IT]",
                "(0011,1001) LT [private text that must survive a release]",
                "(0020,000d) UI [" + study + "]",
                "(0020,000e) UI [" + uid(SERIES, number) + "]",
                "(0020,0010) SH [STUDY" + number + "]",
                "(0020,0011) IS [7]",
                "(0020,0013) IS [1]",
                "(0028,0301) CS [NO]",
                "(0042,0010) ST [Report with a script]",
                "(0042,0011) OB =" + pdfFile.getFileName(),
                "(0042,0012) LO [application/pdf]");
        Path dumpFile = folder.resolve(name + ".dump");
        Path out = folder.resolve(name + ".dcm");
        Files.write(dumpFile, dump, StandardCharsets.US_ASCII);
        run("dump2dcm", "+te", dumpFile.toString(), out.toString());
        return new DicomSample(name, Files.readAllBytes(out), study, sop);
    }

    /** A preamble with a Windows PE header: "MZ", e_lfanew = 0x40, "PE\0\0" and machine i386 there. */
    static byte[] pePreamble() {
        byte[] preamble = new byte[DicomSample.PREAMBLE_LENGTH];
        preamble[0] = 'M';
        preamble[1] = 'Z';
        preamble[0x3C] = 0x40;
        preamble[0x40] = 'P';
        preamble[0x41] = 'E';
        preamble[0x44] = 0x4C;
        preamble[0x45] = 0x01;
        return preamble;
    }

    private void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command[0] + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(command[0] + " failed (is DCMTK installed? apt-get install dcmtk): " + output);
        }
    }
}
