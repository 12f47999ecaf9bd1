package org.yaraguard.rules.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Every sample object the rules are tested on, clean and "infected" with harmless fakes, as Part-10 bytes.
 * Base objects are made by DCMTK once per catalog and then edited in Java.
 */
public final class SampleCatalog {

    /** Encapsulated Document (0042,0011), its MIME type (0042,0012) and length (0042,0015). */
    public static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    public static final int MIME_TYPE = 0x00420012;
    public static final int DOCUMENT_LENGTH = 0x00420015;
    /** Image Comments (0020,4000), an LT where any text can sit. */
    public static final int IMAGE_COMMENTS = 0x00204000;

    private static final int PAYLOAD_LENGTH = 1024;

    private final BaseObjects bases;
    private Part10File ct;
    private Part10File pdf;

    /** DCMTK tools write their files into {@code workFolder}, which must exist. */
    public SampleCatalog(Path workFolder) throws IOException {
        this.bases = new BaseObjects(workFolder, 20250101L);
    }

    /** The DCMTK base objects behind this catalog. */
    public BaseObjects bases() {
        return bases;
    }

    // ---- clean objects -------------------------------------------------------------------------------

    public byte[] cleanCt() throws IOException {
        return ct().toBytes();
    }

    public byte[] cleanJpegPhoto() throws IOException {
        return bases.jpegPhoto().toBytes();
    }

    public byte[] cleanBmpCapture() throws IOException {
        return bases.bmpCapture().toBytes();
    }

    public byte[] cleanStructuredReport() throws IOException {
        return bases.structuredReport().toBytes();
    }

    public byte[] cleanPdfReport() throws IOException {
        return pdf().toBytes();
    }

    /** A CT slice with vendor data in a private element (not an executable, not an archive). */
    public byte[] cleanVendorPrivateData() throws IOException {
        byte[] vendor = new byte[PAYLOAD_LENGTH];
        for (int i = 0; i < vendor.length; i++) {
            vendor[i] = (byte) (i * 7 % 61);
        }
        return withPrivatePayload(ct(), vendor).toBytes();
    }

    /** A CT slice whose preamble is a TIFF header describing its pixel data (dual-format file). */
    public byte[] tiffDualFormat() throws IOException {
        Part10File file = ct();
        long pixels = file.valueOffset(DicomElement.PIXEL_DATA);
        return file.withPreamble(FakeContent.tiffHeader(pixels, 64, 64)).toBytes();
    }

    public byte[] deflatedCt() throws IOException {
        return bases.convert(cleanCt(), "+td");
    }

    public byte[] bigEndianCt() throws IOException {
        return bases.convert(cleanCt(), "+tb");
    }

    public byte[] implicitLittleEndianReport() throws IOException {
        return bases.convert(cleanStructuredReport(), "+ti");
    }

    /** The CT slice as C-STORE delivers it: the dataset alone, no preamble and no file meta. */
    public byte[] bareDataset() throws IOException {
        byte[] file = cleanCt();
        int metaEnd = datasetStart(file);
        return Arrays.copyOfRange(file, metaEnd, file.length);
    }

    // ---- preamble --------------------------------------------------------------------------------------

    /** MZ and e_lfanew = 0x40, "PE\0\0" inside the preamble. */
    public byte[] pePreamble() throws IOException {
        return ct().withPreamble(FakeContent.peHeader(0x40, Part10File.PREAMBLE_LENGTH)).toBytes();
    }

    /** MZ in the preamble, e_lfanew pointing to "PE\0\0" in a private element further in the file. */
    public byte[] pePreambleHeaderElsewhere() throws IOException {
        byte[] signature = Arrays.copyOf(FakeContent.peSignature(), 64);
        Part10File file = withPrivatePayload(ct(), signature);
        int peOffset = (int) file.valueOffset(BaseObjects.PRIVATE_PAYLOAD);
        return file.withPreamble(FakeContent.peHeader(peOffset, Part10File.PREAMBLE_LENGTH)).toBytes();
    }

    /** MZ in the preamble but no PE header where e_lfanew points: odd, not a PE. */
    public byte[] mzWithoutPePreamble() throws IOException {
        return preamble(FakeContent.mzWithoutPe(Part10File.PREAMBLE_LENGTH));
    }

    public byte[] elfPreamble() throws IOException {
        return preamble(FakeContent.elfHeader(Part10File.PREAMBLE_LENGTH));
    }

    /** A thin Mach-O header; {@code magic} as the file's first four bytes (FEEDFACE, FEEDFACF, CEFAEDFE, CFFAEDFE). */
    public byte[] machoPreamble(int magic) throws IOException {
        return preamble(FakeContent.machoHeader(magic, Part10File.PREAMBLE_LENGTH));
    }

    public byte[] machoFatPreamble() throws IOException {
        return preamble(FakeContent.machoFatHeader(Part10File.PREAMBLE_LENGTH));
    }

    public byte[] javaClassPreamble() throws IOException {
        return preamble(FakeContent.javaClassHeader(Part10File.PREAMBLE_LENGTH));
    }

    public byte[] shebangPreamble() throws IOException {
        return preamble(FakeContent.shebangScript());
    }

    public byte[] htmlPreamble() throws IOException {
        return preamble(FakeContent.htmlPage());
    }

    public byte[] orthancConfigPreamble() throws IOException {
        return preamble(FakeContent.orthancConfig());
    }

    public byte[] jsonPreamble() throws IOException {
        return preamble(FakeContent.genericJsonConfig());
    }

    public byte[] vendorTextPreamble() throws IOException {
        return preamble(FakeContent.vendorText());
    }

    // ---- encapsulated documents -----------------------------------------------------------------------

    public byte[] pdfNamedJavaScript() throws IOException {
        return bases.pdfDocument(PdfDocuments.withNamedJavaScript()).toBytes();
    }

    public byte[] pdfOpenActionJavaScript() throws IOException {
        return bases.pdfDocument(PdfDocuments.withOpenActionJavaScript()).toBytes();
    }

    public byte[] pdfObfuscatedJavaScript() throws IOException {
        return bases.pdfDocument(PdfDocuments.withObfuscatedJavaScript()).toBytes();
    }

    public byte[] pdfLaunchAction() throws IOException {
        return bases.pdfDocument(PdfDocuments.withLaunchAction()).toBytes();
    }

    public byte[] pdfEmbeddedFile() throws IOException {
        return bases.pdfDocument(PdfDocuments.withEmbeddedFile()).toBytes();
    }

    /** A real PDF with an uncompressed stream holding a fake ELF header. */
    public byte[] pdfWithElfInside() throws IOException {
        return bases.pdfDocument(PdfDocuments.withElfStream()).toBytes();
    }

    /** Declared application/pdf, bytes are a fake PE. */
    public byte[] pdfDeclaredButPe() throws IOException {
        return document(FakeContent.peWithDosStub(PAYLOAD_LENGTH), "application/pdf");
    }

    /** Declared application/pdf, bytes are a ZIP archive. */
    public byte[] pdfDeclaredButZip() throws IOException {
        return document(FakeContent.zipArchive(PAYLOAD_LENGTH), "application/pdf");
    }

    /** Declared application/pdf, bytes are an OLE2 compound file. */
    public byte[] pdfDeclaredButOle() throws IOException {
        return document(FakeContent.oleHeader(PAYLOAD_LENGTH), "application/pdf");
    }

    /** Declared application/pdf, bytes are plain text. */
    public byte[] pdfDeclaredButText() throws IOException {
        return document("Just a note, not a PDF.\n".getBytes(StandardCharsets.US_ASCII), "application/pdf");
    }

    /** A fake PE declared honestly as application/octet-stream. */
    public byte[] peAsEncapsulatedDocument() throws IOException {
        return document(FakeContent.peWithDosStub(PAYLOAD_LENGTH), "application/octet-stream");
    }

    // ---- private elements and trailing data -----------------------------------------------------------

    public byte[] peInPrivateElement() throws IOException {
        return withPrivatePayload(ct(), FakeContent.peWithDosStub(PAYLOAD_LENGTH)).toBytes();
    }

    public byte[] elfInPrivateElement() throws IOException {
        return withPrivatePayload(ct(), FakeContent.elfHeader(PAYLOAD_LENGTH)).toBytes();
    }

    public byte[] machoInPrivateElement() throws IOException {
        return withPrivatePayload(ct(), FakeContent.machoHeader(0xCFFAEDFE, PAYLOAD_LENGTH)).toBytes();
    }

    /** A ZIP archive in a private OB element, written by dump2dcm from a file. */
    public byte[] zipInPrivateElement() throws IOException {
        return bases.ctImageWithPrivatePayload(FakeContent.zipArchive(PAYLOAD_LENGTH)).toBytes();
    }

    public byte[] oleInPrivateElement() throws IOException {
        return withPrivatePayload(ct(), FakeContent.oleHeader(PAYLOAD_LENGTH)).toBytes();
    }

    public byte[] peInTrailingData() throws IOException {
        return ct().withTrailingData(FakeContent.peWithDosStub(PAYLOAD_LENGTH)).toBytes();
    }

    public byte[] elfInTrailingData() throws IOException {
        return ct().withTrailingData(FakeContent.elfHeader(PAYLOAD_LENGTH)).toBytes();
    }

    /** A ZIP archive appended after the dataset: the file opens as a ZIP too. */
    public byte[] zipInTrailingData() throws IOException {
        return ct().withTrailingData(FakeContent.zipArchive(0)).toBytes();
    }

    /** Zeros after the end of the dataset: an anomaly, not content. */
    public byte[] zerosInTrailingData() throws IOException {
        return ct().withTrailingData(new byte[PAYLOAD_LENGTH]).toBytes();
    }

    /** Not DICOM at all: a fake PE sent as if it were an object. */
    public byte[] bareExecutable() {
        return FakeContent.peWithDosStub(PAYLOAD_LENGTH);
    }

    // ---- EICAR ------------------------------------------------------------------------------------------

    /** The EICAR string in Image Comments. */
    public byte[] eicarInComments() throws IOException {
        return ct().with(DicomElement.text(IMAGE_COMMENTS, "LT", FakeContent.eicar())).toBytes();
    }

    /** The EICAR string in a deflated object: only the inflated dataset shows it. */
    public byte[] eicarDeflated() throws IOException {
        return bases.convert(eicarInComments(), "+td");
    }

    /** The two halves of the EICAR string, apart: not the test string. */
    public byte[] eicarHalvesApart() throws IOException {
        String eicar = FakeContent.eicar();
        String apart = eicar.substring(0, 28) + " / " + eicar.substring(28);
        return ct().with(DicomElement.text(IMAGE_COMMENTS, "LT", apart)).toBytes();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** {@code file} with (0009,0010) creator and (0009,1010) OB {@code payload}. */
    public static Part10File withPrivatePayload(Part10File file, byte[] payload) {
        return file.with(DicomElement.text(BaseObjects.PRIVATE_CREATOR, "LO", BaseObjects.PRIVATE_CREATOR_NAME))
                .with(DicomElement.binary(BaseObjects.PRIVATE_PAYLOAD, "OB", payload));
    }

    /** {@code file} (an Encapsulated PDF object) holding {@code document} declared as {@code mimeType}. */
    public static Part10File withDocument(Part10File file, byte[] document, String mimeType) {
        DicomElement value = DicomElement.binary(ENCAPSULATED_DOCUMENT, "OB", document);
        byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(document.length).array();
        return file.with(value)
                .with(DicomElement.text(MIME_TYPE, "LO", mimeType))
                .with(new DicomElement(DOCUMENT_LENGTH, "UL", length, false));
    }

    private byte[] preamble(byte[] content) throws IOException {
        return ct().withPreamble(content).toBytes();
    }

    private byte[] document(byte[] content, String mimeType) throws IOException {
        return withDocument(pdf(), content, mimeType).toBytes();
    }

    private Part10File ct() throws IOException {
        if (ct == null) {
            ct = bases.ctImage();
        }
        return ct;
    }

    private Part10File pdf() throws IOException {
        if (pdf == null) {
            pdf = bases.pdfDocument(PdfDocuments.report("No acute findings."));
        }
        return pdf;
    }

    private static int datasetStart(byte[] file) {
        ByteBuffer bytes = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int groupLength = bytes.getInt(Part10File.PREAMBLE_LENGTH + 4 + 8);
        return Part10File.PREAMBLE_LENGTH + 4 + 12 + groupLength;
    }
}
