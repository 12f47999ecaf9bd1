package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfStreamsTest {

    private static final String SCRIPT_ACTION = "<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>";
    private static final IntFunction<ByteBuffer> HEAP = ByteBuffer::allocate;
    private static final long ONE_MIB = 1 << 20;

    @Test
    void inflatesAFlateContentStream() {
        byte[] pdf = pdf(stream("/Filter /FlateDecode", deflate(SCRIPT_ACTION)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).containsExactly(SCRIPT_ACTION);
    }

    @Test
    void inflatesAnObjectStreamWithAFilterArrayAndEscapedNames() {
        String objects = "7 0 " + SCRIPT_ACTION;
        byte[] pdf = pdf(stream("/Type /ObjStm /N 1 /First 4 /Filter [/Fl#61teDecode]", deflate(objects)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).containsExactly(objects);
    }

    @Test
    void returnsNothingForPlainStreamsAndImages() {
        byte[] pdf = pdf(stream("/Type /ObjStm /N 1 /First 4", ascii("7 0 " + SCRIPT_ACTION)),
                stream("/Subtype /Image /Filter /FlateDecode /DecodeParms << /Predictor 15 >>", deflate("pixels")),
                stream("/Filter [/ASCII85Decode /DCTDecode]", ascii("not a jpeg~>")),
                stream("/Type /XRef /Filter /LZWDecode", ascii("xref")));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(decoded.streams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Length 3", "/Length 100000", "/Length 9 0 R", "/Length -5", ""})
    void decodesTheWholeStreamWhateverItsLengthSays(String length) {
        String script = "x".repeat(500) + SCRIPT_ACTION;
        byte[] pdf = pdf(concat(ascii("<< " + length + " /Filter /FlateDecode >>\nstream\n"), deflate(script),
                ascii("\nendstream")));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).containsExactly(script);
    }

    @Test
    void readsPastAnEndstreamWordInsideTheCompressedData() {
        String script = "endstream " + SCRIPT_ACTION;
        byte[] pdf = pdf(concat(ascii("<< /Length 9 0 R /Filter /FlateDecode >>\nstream\n"), stored(script),
                ascii("\nendstream")));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).contains(script);
    }

    @Test
    void findsAStreamThatAnEarlierLengthCoversUp() {
        byte[] hidden = stream("/Filter /FlateDecode", deflate(SCRIPT_ACTION));
        byte[] cover = ascii("<< /Length " + (hidden.length + 20) + " >>\nstream\n");
        byte[] pdf = pdf(concat(cover, hidden, ascii("\n".repeat(20) + "endstream")));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).containsExactly(SCRIPT_ACTION);
    }

    @Test
    void decodesAscii85AndAsciiHexChains() {
        byte[] flate = deflate(SCRIPT_ACTION);
        byte[] pdf = pdf(stream("/Filter [/ASCII85Decode /FlateDecode]", ascii(ascii85(flate) + "~>")),
                stream("/Filter /AHx", ascii(hex(ascii("hello")) + "7>")));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).containsExactly(SCRIPT_ACTION, "hellop");
    }

    @Test
    void decodesTheStreamsOfAnAttachedPdf() {
        String objects = "7 0 " + SCRIPT_ACTION;
        byte[] inner = pdf(stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflate(objects)));
        byte[] outer = pdf(stream("/Type /EmbeddedFile /Subtype /application#2Fpdf /Filter /FlateDecode",
                deflate(inner)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(outer), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).containsExactly(new String(inner, StandardCharsets.ISO_8859_1), objects);
    }

    @Test
    void failsClosedOnAttachmentsNestedTooDeep() {
        byte[] pdf = pdf(stream("/Filter /FlateDecode", deflate(SCRIPT_ACTION)));
        for (int level = 0; level < 6; level++) {
            pdf = pdf(stream("/Type /EmbeddedFile /Filter /FlateDecode", deflate(pdf)));
        }

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 100, HEAP);

        assertThat(decoded.incomplete()).contains("levels deep");
    }

    @Test
    void stopsABombAtTheByteBoundWithoutAskingForItsMemory() {
        byte[] pdf = pdf(stream("/Filter /FlateDecode", deflate(new byte[64 * (int) ONE_MIB])));
        List<Integer> asked = new ArrayList<>();

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, size -> {
            asked.add(size);
            return ByteBuffer.allocate(size);
        });

        assertThat(decoded.incomplete()).contains("decode past " + ONE_MIB + " bytes");
        assertThat(asked).isEmpty();
    }

    @Test
    void countsTheBytesOfAllStreamsAgainstTheBound() {
        byte[] half = deflate(new byte[(int) ONE_MIB / 2 + 1]);
        byte[] pdf = pdf(stream("/Filter /FlateDecode", half), stream("/Filter /FlateDecode", half));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).contains("decode past");
        assertThat(decoded.streams()).hasSize(1);
    }

    @Test
    void stopsAtTheStreamBound() {
        byte[] one = stream("/Filter /FlateDecode", deflate("BT ET"));
        byte[] pdf = pdf(one, one, one);

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 2, HEAP);

        assertThat(decoded.incomplete()).contains("more than 2 filtered streams");
        assertThat(decoded.streams()).hasSize(2);
    }

    @Test
    void saysNoMemoryWhenTheAllocatorRefuses() {
        byte[] pdf = pdf(stream("/Filter /FlateDecode", deflate(SCRIPT_ACTION)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, size -> null);

        assertThat(decoded.incomplete()).startsWith("no memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Filter /LZWDecode", "/Filter 5 0 R", "/Filter [/FlateDecode 5]", "/Filter /Crypt",
        "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 5 >>",
        "/Filter [/FlateDecode /AHx] /DecodeParms [<< /Predictor 12 /Columns 5 >> null]",
        "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 0 >>"})
    void failsClosedOnFiltersItCannotDecode(String filter) {
        byte[] pdf = pdf(stream(filter, deflate(SCRIPT_ACTION)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void undoesPngPredictorsOfAFlateObjectStream(int rowType) {
        String objects = "7 0 " + SCRIPT_ACTION;
        byte[] rows = pngRows(ascii(objects), 6, rowType);
        byte[] pdf = pdf(stream("/Type /ObjStm /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 6 >>",
                deflate(rows)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(texts(decoded)).singleElement().asString().startsWith(objects);
    }

    @Test
    void failsClosedOnAnUnknownPngRowType() {
        byte[] rows = pngRows(ascii(SCRIPT_ACTION), 6, 0);
        rows[7] = 9;
        byte[] pdf = pdf(stream("/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 6 >>", deflate(rows)));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).contains("row type");
    }

    @Test
    void failsClosedOnACorruptStream() {
        byte[] flate = deflate("y".repeat(1000) + SCRIPT_ACTION);
        flate[flate.length / 2] ^= 0x55;
        flate[flate.length / 2 + 1] ^= 0x55;
        byte[] pdf = pdf(stream("/Filter /FlateDecode", flate));

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(pdf), ONE_MIB, 10, HEAP);

        assertThat(decoded.incomplete()).contains("corrupt");
    }

    @Test
    void readsFromTheBufferPositionAndLeavesItThere() {
        byte[] pdf = pdf(stream("/Filter /FlateDecode", deflate(SCRIPT_ACTION)));
        byte[] padded = new byte[pdf.length + 100];
        System.arraycopy(pdf, 0, padded, 50, pdf.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded).position(50).limit(50 + pdf.length);

        PdfStreams.Decoded decoded = PdfStreams.decode(buffer, ONE_MIB, 10, HEAP);

        assertThat(texts(decoded)).containsExactly(SCRIPT_ACTION);
        assertThat(buffer.position()).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/share/doc/libtasn1-doc/libtasn1.pdf",
        "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"})
    void decodesRealPdfsCompletely(String file) throws IOException {
        Path path = Path.of(file);
        assumeThat(Files.isReadable(path)).as(file + " is installed").isTrue();

        PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(Files.readAllBytes(path)), 64 * ONE_MIB,
                1000, HEAP);

        assertThat(decoded.incomplete()).isNull();
        assertThat(decoded.streams()).hasSizeGreaterThan(10);
        assertThat(texts(decoded)).anyMatch(text -> text.contains("/Type /Page") || text.contains("/Type/Page"));
    }

    @Test
    void neverThrowsOnTruncatedOrMangledInput() {
        byte[] pdf = pdf(stream("/Type /ObjStm /Filter [/ASCIIHexDecode /FlateDecode] /Length 12",
                        ascii(hex(deflate(SCRIPT_ACTION)) + ">")),
                stream("/Filter [/A85 /RL]", ascii("zz!!~>")), stream("/DecodeParms [<< /Predictor", ascii("<")));
        Random random = new Random(7);
        for (int cut = 0; cut <= pdf.length; cut++) {
            PdfStreams.decode(ByteBuffer.wrap(pdf, 0, cut), ONE_MIB, 10, HEAP);
        }
        for (int round = 0; round < 2000; round++) {
            byte[] mangled = pdf.clone();
            for (int k = 0; k < 4; k++) {
                mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
            }
            PdfStreams.Decoded decoded = PdfStreams.decode(ByteBuffer.wrap(mangled), 4096, 10, HEAP);
            assertThat(decoded.streams().stream().mapToInt(ByteBuffer::remaining).sum()).isLessThanOrEqualTo(4096);
        }
    }

    /** PNG-filtered rows of {@code columns} bytes (one byte per pixel), each after its filter type byte. */
    private static byte[] pngRows(byte[] data, int columns, int type) {
        byte[] padded = Arrays.copyOf(data, (data.length + columns - 1) / columns * columns);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[columns];
        for (int start = 0; start < padded.length; start += columns) {
            out.write(type);
            for (int i = 0; i < columns; i++) {
                int raw = padded[start + i] & 0xFF;
                int left = i > 0 ? padded[start + i - 1] & 0xFF : 0;
                int up = previous[i] & 0xFF;
                int upLeft = i > 0 ? previous[i - 1] & 0xFF : 0;
                int predicted = switch (type) {
                    case 1 -> left;
                    case 2 -> up;
                    case 3 -> (left + up) / 2;
                    case 4 -> paeth(left, up, upLeft);
                    default -> 0;
                };
                out.write((raw - predicted) & 0xFF);
            }
            System.arraycopy(padded, start, previous, 0, columns);
        }
        return out.toByteArray();
    }

    private static int paeth(int left, int up, int upLeft) {
        int estimate = left + up - upLeft;
        int toLeft = Math.abs(estimate - left);
        int toUp = Math.abs(estimate - up);
        int toUpLeft = Math.abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

    private static byte[] stream(String dictionary, byte[] body) {
        return concat(ascii("<< " + dictionary + " /Length " + body.length + " >>\nstream\n"), body,
                ascii("\nendstream"));
    }

    /** A PDF whose objects are the given pieces (a cross-reference table is not needed by the decoder). */
    private static byte[] pdf(byte[]... objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.5\n"));
        for (int i = 0; i < objects.length; i++) {
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects[i]);
            out.writeBytes(ascii("\nendobj\n"));
        }
        out.writeBytes(ascii("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        return out.toByteArray();
    }

    private static byte[] deflate(String text) {
        return deflate(ascii(text));
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Zlib with stored (uncompressed) blocks, so that the text stays readable inside the stream body. */
    private static byte[] stored(String text) {
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
        deflater.setInput(ascii(text));
        deflater.finish();
        byte[] out = new byte[text.length() + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    private static String ascii85(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 4) {
            int n = Math.min(4, bytes.length - i);
            long value = 0;
            for (int k = 0; k < 4; k++) {
                value = value << 8 | (k < n ? bytes[i + k] & 0xFF : 0);
            }
            char[] digits = new char[5];
            for (int k = 4; k >= 0; k--) {
                digits[k] = (char) ('!' + value % 85);
                value /= 85;
            }
            text.append(digits, 0, n + 1);
        }
        return text.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xFF)).append(' ');
        }
        return text.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<String> texts(PdfStreams.Decoded decoded) {
        List<String> texts = new ArrayList<>();
        for (ByteBuffer stream : decoded.streams()) {
            byte[] bytes = new byte[stream.remaining()];
            stream.duplicate().get(bytes);
            texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return texts;
    }
}
