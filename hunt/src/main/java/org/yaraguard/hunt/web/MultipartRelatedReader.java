package org.yaraguard.hunt.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parts of a multipart/related body one after the other as streams, never holding more than one buffer:
 * RFC 2046 framing (CRLF line ends), bounded preamble and part headers, a boundary of 1 to 70 characters. A body
 * that ends without its closing delimiter is an IOException, so a cut connection never passes for a whole object.
 */
final class MultipartRelatedReader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final MultipartLimits limits;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean finished;
    private PartBody current;

    /** One part: its header lines (lower-case names) and its body, valid until the next call of {@link #next()}. */
    record Part(List<String> headers, InputStream body) {

        /** The Content-Type header's value, or null when the part has none. */
        String contentType() {
            for (String header : headers) {
                int colon = header.indexOf(':');
                if (header.substring(0, colon).strip().equals("content-type")) {
                    return header.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    MultipartRelatedReader(InputStream in, String boundary, MultipartLimits limits) throws IOException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MultipartLimits.MAX_BOUNDARY_LENGTH
                || !boundary.chars().allMatch(MultipartRelatedReader::boundaryChar)) {
            throw new IOException("not a valid multipart boundary");
        }
        this.in = in;
        this.limits = limits;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        // The first boundary may open the body without a line break before it: lend it one.
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        skipPreamble();
    }

    /** The next part, or null after the closing delimiter. The previous part's unread bytes are skipped. */
    Part next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        if (finished) {
            return null;
        }
        if (!fill(2)) {
            throw new IOException("multipart body ends after a boundary");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        List<String> headers = readHeaders();
        current = new PartBody();
        return new Part(headers, current);
    }

    private void skipPreamble() throws IOException {
        long skipped = 0;
        while (true) {
            fill(delimiter.length);
            int at = indexOf(delimiter);
            if (at >= 0) {
                skipped += at - pos;
                if (skipped > limits.maxPreambleBytes() + 2) {
                    throw new IOException("multipart preamble longer than " + limits.maxPreambleBytes() + " bytes");
                }
                pos = at + delimiter.length;
                return;
            }
            if (eof) {
                throw new IOException("no multipart boundary in the body");
            }
            int keep = delimiter.length - 1;
            skipped += Math.max(0, lim - pos - keep);
            pos = Math.max(pos, lim - keep);
            if (skipped > limits.maxPreambleBytes() + 2) {
                throw new IOException("multipart preamble longer than " + limits.maxPreambleBytes() + " bytes");
            }
        }
    }

    /** After a boundary: optional transport padding, CRLF, then header lines up to an empty line. */
    private List<String> readHeaders() throws IOException {
        List<String> headers = new ArrayList<>();
        int bytes = 0;
        String first = readLine(limits.maxHeaderBytes());
        if (!first.isBlank()) {
            throw new IOException("text after a multipart boundary");
        }
        while (true) {
            String line = readLine(limits.maxHeaderBytes() - bytes);
            bytes += line.length() + 2;
            if (line.isEmpty()) {
                return headers;
            }
            if (headers.size() == limits.maxHeaders()) {
                throw new IOException("more than " + limits.maxHeaders() + " headers in a multipart part");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed multipart part header");
            }
            headers.add(line.substring(0, colon).toLowerCase(Locale.ROOT) + line.substring(colon));
        }
    }

    private String readLine(int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!fill(2)) {
                throw new IOException("multipart part headers cut short");
            }
            if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                return line.toString();
            }
            if (line.length() >= max) {
                throw new IOException("multipart part headers longer than " + limits.maxHeaderBytes() + " bytes");
            }
            line.append((char) (buf[pos++] & 0xff));
        }
    }

    /** Makes at least {@code n} bytes available unless the body ends first; false when it did. */
    private boolean fill(int n) throws IOException {
        while (lim - pos < n && !eof) {
            if (pos > 0 && (buf.length - lim < n || pos == lim)) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int read = in.read(buf, lim, buf.length - lim);
            if (read < 0) {
                eof = true;
            } else {
                lim += read;
            }
        }
        return lim - pos >= n;
    }

    /** First index in {@code buf[pos, lim)} where {@code needle} starts, or -1; a tight scan for its first byte. */
    private int indexOf(byte[] needle) {
        byte first = needle[0];
        int last = lim - needle.length;
        for (int i = pos; i <= last; i++) {
            if (buf[i] == first && matchesAt(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] needle, int at) {
        for (int j = 1; j < needle.length; j++) {
            if (buf[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean boundaryChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "'()+_,-./:=? ".indexOf(c) >= 0;
    }

    /** A part's bytes up to the next delimiter. */
    private final class PartBody extends InputStream {

        private boolean done;
        /** Bytes from {@code pos} on known to hold no delimiter start: served without searching again. */
        private int clear;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                if (clear > 0) {
                    int n = Math.min(clear, len);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    clear -= n;
                    return n;
                }
                fill(Math.min(buf.length / 2, delimiter.length * 2));
                int at = indexOf(delimiter);
                if (at == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                clear = Math.max(0, at >= 0 ? at - pos : lim - pos - (delimiter.length - 1));
                if (clear > 0) {
                    continue;
                }
                if (eof) {
                    throw new IOException("multipart body ends without its closing boundary");
                }
            }
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                continue;
            }
        }
    }
}
