package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Decodes the filtered streams of a PDF, bounded, so that content rules see what a PDF reader sees: names such as
 * /JavaScript hidden in a /FlateDecode content stream or /ObjStm object stream.
 *
 * <p>Every "stream" keyword that follows a dictionary is considered, wherever it sits (not only where /Length or
 * the cross-reference table say), so a stream cannot be hidden behind a lying /Length. Streams without a filter are
 * already plain in the PDF and are not returned. Image streams (/Subtype /Image, or a last filter that is an image
 * codec) and cross-reference streams are skipped: a reader never parses them as PDF syntax.
 */
final class PdfStreams {

    /**
     * What decoding found.
     *
     * @param streams    the decoded streams, read-only, position 0, each in a buffer from the allocator
     * @param incomplete why a stream that matters could not be decoded (the scan must then fail closed), or null
     */
    record Decoded(List<ByteBuffer> streams, String incomplete) {
        Decoded {
            streams = List.copyOf(streams);
        }
    }

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> IMAGE_CODECS = Set.of("DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF",
            "JBIG2Decode");

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int PDF_HEADER_WINDOW = 1024;
    /** Attachments inside attachments; portfolios nest one or two levels. */
    private static final int MAX_NESTED_PDFS = 4;

    /** The largest buffer one decoded stream can have. */
    private static final long MAX_STREAM_BYTES = Integer.MAX_VALUE - 8;

    private PdfStreams() {
    }

    /**
     * Decodes the streams of pdf (position to limit; the buffer's position is not changed), and the streams of a PDF
     * found inside a decoded stream (an attached PDF, which a reader opens for /GoToE), down to
     * {@value #MAX_NESTED_PDFS} levels.
     *
     * @param maxBytes   decoded bytes allowed in total
     * @param maxStreams decoded streams allowed
     * @param allocator  gives a buffer of the asked size for one decoded stream, or null when memory is refused
     */
    static Decoded decode(ByteBuffer pdf, long maxBytes, int maxStreams, IntFunction<ByteBuffer> allocator) {
        Work work = new Work(maxBytes, maxStreams, allocator);
        String incomplete = decode(pdf.slice(), work, 0);
        return new Decoded(work.streams, incomplete);
    }

    /** What all the PDFs of one document share: the decoded streams and what the bounds still allow. */
    private static final class Work {
        private final List<ByteBuffer> streams = new ArrayList<>();
        private final int maxStreams;
        private final IntFunction<ByteBuffer> allocator;
        private long bytesLeft;

        private Work(long maxBytes, int maxStreams, IntFunction<ByteBuffer> allocator) {
            this.bytesLeft = maxBytes;
            this.maxStreams = maxStreams;
            this.allocator = allocator;
        }
    }

    /** Decodes the streams of bytes (position 0) into work; returns why it stopped early, or null. */
    private static String decode(ByteBuffer bytes, Work work, int nesting) {
        int floor = 0;
        // the first "endstream" at or after the last body searched, -1 when none is left: bodies start further and
        // further on, so all searches together read the PDF once, however many streams lack an end
        int endstream = 0;
        for (int keyword = indexOf(bytes, STREAM, 0); keyword >= 0; keyword = indexOf(bytes, STREAM, keyword + 1)) {
            int bodyStart = bodyStart(bytes, keyword);
            int dictionaryEnd = dictionaryEnd(bytes, keyword, floor);
            if (bodyStart < 0 || dictionaryEnd < 0) {
                continue;
            }
            PdfStreamDictionary dictionary = PdfStreamDictionary.read(bytes, floor, dictionaryEnd);
            floor = keyword + STREAM.length;
            if (dictionary == null) {
                return "a PDF stream dictionary before offset " + keyword + " cannot be read";
            }
            if (!matters(dictionary)) {
                continue;
            }
            String unsupported = unsupported(dictionary);
            if (unsupported != null) {
                return unsupported;
            }
            if (work.streams.size() >= work.maxStreams) {
                return "the PDF has more than " + work.maxStreams + " filtered streams";
            }
            if (endstream >= 0 && endstream < bodyStart) {
                endstream = indexOf(bytes, ENDSTREAM, bodyStart);
            }
            ByteBuffer body = bytes.slice(bodyStart, bodyEnd(bytes, bodyStart, dictionary.length(), endstream)
                    - bodyStart);
            ByteBuffer rest = bytes.slice(bodyStart, bytes.limit() - bodyStart);
            PdfFilters.Result result = PdfFilters.apply(dictionary.filters(), dictionary.predictor(), body, rest,
                    Math.min(work.bytesLeft, MAX_STREAM_BYTES));
            if (result.failure() != null) {
                return result.failure() + " (PDF stream at offset " + keyword + ")";
            }
            if (result.bytes().size() == 0) {
                continue;
            }
            ByteBuffer decoded = work.allocator.apply((int) result.bytes().size());
            if (decoded == null) {
                return "no memory for a decoded PDF stream of " + result.bytes().size() + " bytes";
            }
            result.bytes().copyTo(decoded);
            ByteBuffer stream = decoded.flip().asReadOnlyBuffer();
            work.streams.add(stream);
            work.bytesLeft -= result.bytes().size();
            if (startsLikePdf(stream)) {
                if (nesting >= MAX_NESTED_PDFS) {
                    return "PDFs attached inside PDFs more than " + MAX_NESTED_PDFS + " levels deep";
                }
                String nested = decode(stream.duplicate(), work, nesting + 1);
                if (nested != null) {
                    return nested + " (in a PDF attached at offset " + keyword + ")";
                }
            }
        }
        return null;
    }

    /** Whether "%PDF-" starts within the first KiB (from index 0), where readers look for it. */
    static boolean startsLikePdf(ByteBuffer stream) {
        int found = indexOf(stream.slice(0, Math.min(stream.limit(), PDF_HEADER_WINDOW)), PDF_HEADER, 0);
        return found >= 0;
    }

    /** Image and cross-reference streams are never parsed as PDF syntax; streams without a filter are plain. */
    private static boolean matters(PdfStreamDictionary dictionary) {
        List<String> filters = dictionary.filters();
        if (filters.isEmpty() || dictionary.subtype().equals("Image") || dictionary.type().equals("XRef")) {
            return false;
        }
        String last = filters.get(filters.size() - 1);
        return last == null || !IMAGE_CODECS.contains(last);
    }

    private static String unsupported(PdfStreamDictionary dictionary) {
        for (String filter : dictionary.filters()) {
            if (filter == null || !PdfFilters.decodes(filter)) {
                return "a PDF stream filter " + (filter == null ? "given indirectly" : "/" + filter)
                        + " cannot be decoded";
            }
        }
        PdfPredictor predictor = dictionary.predictor();
        List<String> filters = dictionary.filters();
        if (predictor != null && !(predictor.decodable() && PdfFilters.isFlate(filters.get(filters.size() - 1)))) {
            return "a PDF stream uses a predictor other than PNG after Flate, which is not decoded";
        }
        return null;
    }

    /**
     * Where the body starts after the keyword at "keyword" (an end of line must follow, spaces tolerated), or -1
     * when the word is not the keyword: part of "endstream" or of a longer word.
     */
    private static int bodyStart(ByteBuffer bytes, int keyword) {
        if (keyword > 0 && !PdfTokens.whitespace(bytes.get(keyword - 1))
                && !PdfTokens.delimiter(bytes.get(keyword - 1))) {
            return -1;
        }
        int at = keyword + STREAM.length;
        while (at < bytes.limit() && (bytes.get(at) == ' ' || bytes.get(at) == '\t')) {
            at++;
        }
        if (at < bytes.limit() && bytes.get(at) == '\r') {
            at++;
            return at < bytes.limit() && bytes.get(at) == '\n' ? at + 1 : at;
        }
        return at < bytes.limit() && bytes.get(at) == '\n' ? at + 1 : -1;
    }

    /** The index just after the "&gt;&gt;" that precedes the keyword (whitespace between), or -1. */
    private static int dictionaryEnd(ByteBuffer bytes, int keyword, int floor) {
        int at = keyword - 1;
        while (at >= floor && PdfTokens.whitespace(bytes.get(at))) {
            at--;
        }
        return at - 1 >= floor && bytes.get(at) == '>' && bytes.get(at - 1) == '>' ? at + 1 : -1;
    }

    /**
     * The end of the body: by a plausible /Length (followed by "endstream"), else by the next "endstream" (given:
     * the first at or after bodyStart, or -1), else the end of the PDF.
     */
    private static int bodyEnd(ByteBuffer bytes, int bodyStart, long length, int endstream) {
        if (length >= 0 && length <= bytes.limit() - bodyStart) {
            int end = bodyStart + (int) length;
            int at = end;
            while (at < bytes.limit() && PdfTokens.whitespace(bytes.get(at))) {
                at++;
            }
            if (startsWith(bytes, at, ENDSTREAM)) {
                return end;
            }
        }
        return endstream < 0 ? bytes.limit() : endstream;
    }

    static int indexOf(ByteBuffer bytes, byte[] word, int from) {
        for (int i = Math.max(0, from); i <= bytes.limit() - word.length; i++) {
            if (startsWith(bytes, i, word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(ByteBuffer bytes, int at, byte[] word) {
        if (at < 0 || at > bytes.limit() - word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (bytes.get(at + i) != word[i]) {
                return false;
            }
        }
        return true;
    }
}
