package org.yaraguard.hunt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartRelatedReaderTest {

    private static final String BOUNDARY = "b0undary";

    static byte[] body(String preamble, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (byte[] part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(part);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Bytes that almost hold the delimiter, at the edges and across the reader's buffer size. */
    static byte[] tricky(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] near = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X")
                .getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + near.length < size; at += 65_531) {
            System.arraycopy(near, 0, bytes, at, near.length);
        }
        System.arraycopy("\r\n--".getBytes(StandardCharsets.US_ASCII), 0, bytes, size - 4, 4);
        return bytes;
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void readsEachPartByteForByteWhateverTheChunking() throws IOException {
        byte[] first = tricky(200_000, 1);
        byte[] second = tricky(10, 2);
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            MultipartRelatedReader reader = new MultipartRelatedReader(trickle(body("", first, second), chunk),
                    BOUNDARY, MultipartLimits.DEFAULT);
            MultipartRelatedReader.Part part = reader.next();
            assertThat(part.contentType()).isEqualTo("application/dicom");
            assertThat(part.body().readAllBytes()).isEqualTo(first);
            assertThat(reader.next().body().readAllBytes()).isEqualTo(second);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void skipsAShortPreambleButNotAnEndlessOne() throws IOException {
        byte[] object = tricky(100, 3);
        MultipartRelatedReader reader = new MultipartRelatedReader(trickle(body("ignored text\r\n", object), 5),
                BOUNDARY, MultipartLimits.DEFAULT);
        assertThat(reader.next().body().readAllBytes()).isEqualTo(object);

        String endless = "x".repeat(MultipartLimits.DEFAULT.maxPreambleBytes() + 100);
        assertThatThrownBy(() -> new MultipartRelatedReader(new ByteArrayInputStream(body(endless, object)),
                BOUNDARY, MultipartLimits.DEFAULT)).hasMessageContaining("preamble");
        assertThatThrownBy(() -> new MultipartRelatedReader(new ByteArrayInputStream(object), BOUNDARY,
                MultipartLimits.DEFAULT)).hasMessageContaining("no multipart boundary");
    }

    @Test
    void aBodyCutBeforeItsClosingBoundaryIsAnErrorNotAShorterObject() throws IOException {
        byte[] whole = body("", tricky(100_000, 4));
        byte[] cut = java.util.Arrays.copyOf(whole, 80_000);
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(cut), BOUNDARY,
                MultipartLimits.DEFAULT);
        InputStream part = reader.next().body();
        assertThatThrownBy(part::readAllBytes).hasMessageContaining("without its closing boundary");
    }

    @Test
    void refusesBadBoundariesAndHeaderFloods() throws IOException {
        assertThatThrownBy(() -> new MultipartRelatedReader(InputStream.nullInputStream(), "x".repeat(71),
                MultipartLimits.DEFAULT)).hasMessageContaining("boundary");
        assertThatThrownBy(() -> new MultipartRelatedReader(InputStream.nullInputStream(), "bad\rboundary",
                MultipartLimits.DEFAULT)).hasMessageContaining("boundary");
        assertThatThrownBy(() -> new MultipartRelatedReader(InputStream.nullInputStream(), null,
                MultipartLimits.DEFAULT)).hasMessageContaining("boundary");

        String manyHeaders = "--" + BOUNDARY + "\r\n" + "X-A: 1\r\n".repeat(40) + "\r\nbody\r\n--" + BOUNDARY + "--";
        MultipartRelatedReader many = new MultipartRelatedReader(
                new ByteArrayInputStream(manyHeaders.getBytes(StandardCharsets.US_ASCII)), BOUNDARY,
                MultipartLimits.DEFAULT);
        assertThatThrownBy(many::next).hasMessageContaining("more than 32 headers");

        String longHeader = "--" + BOUNDARY + "\r\nX-A: " + "a".repeat(10_000) + "\r\n\r\nbody\r\n--" + BOUNDARY
                + "--";
        MultipartRelatedReader huge = new MultipartRelatedReader(
                new ByteArrayInputStream(longHeader.getBytes(StandardCharsets.US_ASCII)), BOUNDARY,
                MultipartLimits.DEFAULT);
        assertThatThrownBy(huge::next).hasMessageContaining("headers longer than");
    }
}
