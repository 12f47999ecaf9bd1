package org.yaraguard.rules.adversarial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Small PDF files whose objects may sit in a compressed object stream (/ObjStm, PDF 1.5), found through a
 * cross-reference stream, so that names like /JavaScript appear nowhere in the file's plain bytes; optionally
 * encrypted with an empty user password, which readers open without asking. Object 1 is the catalog.
 */
final class PdfBuilder {

    /** How the object stream is encoded. */
    enum StreamFilter {
        NONE,
        FLATE,
        HEX_THEN_FLATE,
        /** Flate with PNG predictors (/DecodeParms, 5 columns, filter type None): a zero byte before every row. */
        FLATE_PNG_PREDICTOR
    }

    /** A stream object: its dictionary entries other than /Length, and its (filtered) data. */
    private record Stream(String entries, byte[] data) {
    }

    private static final int PREDICTOR_COLUMNS = 5;
    private static final byte[] DOCUMENT_ID = HexFormat.of().parseHex("5947414456455253415249414c504446");

    private final Map<Integer, String> plain = new TreeMap<>();
    private final Map<Integer, Stream> streams = new TreeMap<>();
    private final Map<Integer, String> packed = new LinkedHashMap<>();
    private PdfEncryption encryption;

    /** An object written as it is. */
    PdfBuilder object(int number, String body) {
        plain.put(number, body);
        return this;
    }

    /** An object stored inside the object stream. */
    PdfBuilder packed(int number, String body) {
        packed.put(number, body);
        return this;
    }

    /** A stream object whose data is deflated. */
    PdfBuilder flateStream(int number, String data) {
        streams.put(number, new Stream("/Filter /FlateDecode", deflate(data.getBytes(StandardCharsets.ISO_8859_1))));
        return this;
    }

    /** An embedded file stream (deflated) holding {@code content}, for a /Filespec's /EF entry. */
    PdfBuilder embeddedFile(int number, byte[] content) {
        streams.put(number, new Stream("/Type /EmbeddedFile /Filter /FlateDecode", deflate(content)));
        return this;
    }

    /** Every stream but the cross-reference stream RC4-encrypted (standard handler, revision 2, empty password). */
    PdfBuilder encryptedWithEmptyPassword() {
        encryption = new PdfEncryption(DOCUMENT_ID);
        return this;
    }

    /** A one-page document with a deflated content stream showing {@code text}; objects 2–5 are taken. */
    static PdfBuilder onePage(String text) {
        return new PdfBuilder()
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                        + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
                .flateStream(4, "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET")
                .object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    }

    byte[] build(StreamFilter filter) {
        int streamNumber = Math.max(Math.max(last(plain.keySet()), last(streams.keySet())), last(packed.keySet())) + 1;
        int encryptNumber = streamNumber + 1;
        int xrefNumber = encryptNumber + 1;
        Map<Integer, Stream> allStreams = new TreeMap<>(streams);
        if (!packed.isEmpty()) {
            allStreams.put(streamNumber, objectStream(filter));
        }
        Map<Integer, String> bodies = new TreeMap<>(plain);
        for (Map.Entry<Integer, Stream> stream : allStreams.entrySet()) {
            byte[] data = stream.getValue().data();
            if (encryption != null) {
                data = encryption.encrypt(stream.getKey(), data);
            }
            bodies.put(stream.getKey(), "<< " + stream.getValue().entries() + " /Length " + data.length
                    + " >>\nstream\n" + latin1(data) + "\nendstream");
        }
        if (encryption != null) {
            bodies.put(encryptNumber, encryption.dictionary());
        }
        StringBuilder out = new StringBuilder("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        Map<Integer, Integer> offsets = new TreeMap<>();
        for (Map.Entry<Integer, String> object : bodies.entrySet()) {
            offsets.put(object.getKey(), out.length());
            out.append(object.getKey()).append(" 0 obj\n").append(object.getValue()).append("\nendobj\n");
        }
        int xrefOffset = out.length();
        ByteBuffer table = ByteBuffer.allocate(xrefNumber * 7 + 7);
        Map<Integer, Integer> positions = new TreeMap<>();
        int index = 0;
        for (int number : packed.keySet()) {
            positions.put(number, index++);
        }
        for (int number = 0; number <= xrefNumber; number++) {
            if (number == xrefNumber) {
                table.put((byte) 1).putInt(xrefOffset).putShort((short) 0);
            } else if (offsets.containsKey(number)) {
                table.put((byte) 1).putInt(offsets.get(number)).putShort((short) 0);
            } else if (positions.containsKey(number)) {
                table.put((byte) 2).putInt(streamNumber).putShort(positions.get(number).shortValue());
            } else {
                table.put((byte) 0).putInt(0).putShort((short) -1);
            }
        }
        String entries = latin1(table.array());
        String id = HexFormat.of().formatHex(DOCUMENT_ID);
        out.append(xrefNumber).append(" 0 obj\n<< /Type /XRef /Size ").append(xrefNumber + 1)
                .append(" /W [1 4 2] /Root 1 0 R /ID [<").append(id).append("> <").append(id).append(">]")
                .append(encryption != null ? " /Encrypt " + encryptNumber + " 0 R" : "")
                .append(" /Length ").append(entries.length()).append(" >>\nstream\n")
                .append(entries).append("\nendstream\nendobj\nstartxref\n").append(xrefOffset).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Stream objectStream(StreamFilter filter) {
        StringBuilder index = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        for (Map.Entry<Integer, String> object : packed.entrySet()) {
            index.append(object.getKey()).append(' ').append(bodies.length()).append(' ');
            bodies.append(object.getValue()).append('\n');
        }
        byte[] plainBytes = (index + bodies.toString()).getBytes(StandardCharsets.ISO_8859_1);
        String header = "/Type /ObjStm /N " + packed.size() + " /First " + index.length();
        return switch (filter) {
            case NONE -> new Stream(header, plainBytes);
            case FLATE -> new Stream(header + " /Filter /FlateDecode", deflate(plainBytes));
            case HEX_THEN_FLATE -> new Stream(header + " /Filter [/ASCIIHexDecode /FlateDecode]",
                    (HexFormat.of().formatHex(deflate(plainBytes)) + ">").getBytes(StandardCharsets.US_ASCII));
            case FLATE_PNG_PREDICTOR -> new Stream(header + " /Filter /FlateDecode /DecodeParms << /Predictor 12 "
                    + "/Columns " + PREDICTOR_COLUMNS + " >>", deflate(pngRows(plainBytes)));
        };
    }

    /** Rows of {@link #PREDICTOR_COLUMNS} bytes, each after a PNG filter-type byte 0 (None); the last row padded. */
    private static byte[] pngRows(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start = 0; start < data.length; start += PREDICTOR_COLUMNS) {
            out.write(0);
            byte[] row = new byte[PREDICTOR_COLUMNS];
            System.arraycopy(data, start, row, 0, Math.min(PREDICTOR_COLUMNS, data.length - start));
            out.writeBytes(row);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static int last(Iterable<Integer> numbers) {
        int last = 0;
        for (int number : numbers) {
            last = Math.max(last, number);
        }
        return last;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
