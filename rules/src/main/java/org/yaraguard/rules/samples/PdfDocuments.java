package org.yaraguard.rules.samples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small, well-formed PDF files (with a cross-reference table), clean or with harmless active content. */
public final class PdfDocuments {

    private static final String PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    private static final String PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>";
    private static final String FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    private static final String SCRIPT = "app.alert('YARA Guard test sample');";

    private PdfDocuments() {
    }

    /** A one-page report; its /OpenAction only shows the first page (benign). */
    public static byte[] report(String text) {
        return build("<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", List.of(), text);
    }

    /** JavaScript in the document-level /Names tree, run by readers on open. */
    public static byte[] withNamedJavaScript() {
        return build("<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 6 0 R >> >>",
                List.of("<< /Names [(sample) 7 0 R] >>", "<< /S /JavaScript /JS (" + SCRIPT + ") >>"), "report");
    }

    /** An /OpenAction that runs JavaScript. */
    public static byte[] withOpenActionJavaScript() {
        return build("<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
                List.of("<< /Type /Action /S /JavaScript /JS (" + SCRIPT + ") >>"), "report");
    }

    /** The same /OpenAction with its names hex-escaped: /J#61vaScript and /J#53. */
    public static byte[] withObfuscatedJavaScript() {
        return build("<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
                List.of("<< /Type /Action /S /J#61vaScript /J#53 (" + SCRIPT + ") >>"), "report");
    }

    /** A /Launch action naming a harmless program. */
    public static byte[] withLaunchAction() {
        return build("<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
                List.of("<< /Type /Action /S /Launch /F (calc.exe) >>"), "report");
    }

    /** An attached text file (/EmbeddedFiles name tree and an /EmbeddedFile stream). */
    public static byte[] withEmbeddedFile() {
        String attachment = "YARA Guard test sample attachment\n";
        return build("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>",
                List.of("<< /Names [(note.txt) 7 0 R] >>",
                        "<< /Type /Filespec /F (note.txt) /EF << /F 8 0 R >> >>",
                        "<< /Type /EmbeddedFile /Length " + attachment.length() + " >>\nstream\n" + attachment
                                + "\nendstream"),
                "report");
    }

    /** A stream holding a fake ELF header, uncompressed (an executable smuggled inside the document). */
    public static byte[] withElfStream() {
        String elf = new String(FakeContent.elfHeader(64), StandardCharsets.ISO_8859_1);
        return build("<< /Type /Catalog /Pages 2 0 R >>",
                List.of("<< /Length " + elf.length() + " >>\nstream\n" + elf + "\nendstream"), "report");
    }

    private static byte[] build(String catalog, List<String> extraObjects, String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = new ArrayList<>(List.of(catalog, PAGES, PAGE,
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream", FONT));
        objects.addAll(extraObjects);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
