package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The PDF stream filters that can hide text (Flate, ASCIIHex, ASCII85, RunLength), decoded into capped heap bytes. */
final class PdfFilters {

    /**
     * A decoded stream or why it could not be decoded.
     *
     * @param bytes   the decoded bytes (what was decoded so far when failure is set)
     * @param failure null, or why the stream could not be fully decoded
     */
    record Result(DecodedBytes bytes, String failure) {
    }

    private static final Set<String> FLATE = Set.of("FlateDecode", "Fl");
    private static final Set<String> ASCII_HEX = Set.of("ASCIIHexDecode", "AHx");
    private static final Set<String> ASCII_85 = Set.of("ASCII85Decode", "A85");
    private static final Set<String> RUN_LENGTH = Set.of("RunLengthDecode", "RL");

    private PdfFilters() {
    }

    static boolean isFlate(String filter) {
        return FLATE.contains(filter);
    }

    static boolean decodes(String filter) {
        return FLATE.contains(filter) || ASCII_HEX.contains(filter) || ASCII_85.contains(filter)
                || RUN_LENGTH.contains(filter);
    }

    /**
     * Applies the filters in order to the body. The first filter may read past the body's end up to
     * rest's limit when its own end marker lies further (a /Length or "endstream" inside the data must not cut it).
     *
     * @param predictor a decodable PNG predictor to undo after the last filter (a Flate), or null
     * @param body      the stream body as /Length or the next "endstream" delimit it
     * @param rest      the bytes from the body's start to the end of the PDF
     * @param cap       decoded bytes allowed for this stream (every stage)
     */
    static Result apply(List<String> filters, PdfPredictor predictor, ByteBuffer body, ByteBuffer rest, long cap) {
        DecodedBytes out = null;
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            ByteBuffer input = out == null ? body : out.toBuffer();
            ByteBuffer more = out == null ? rest : input;
            out = new DecodedBytes(cap);
            String failure;
            if (FLATE.contains(filter)) {
                failure = inflate(input, more, out);
            } else if (ASCII_HEX.contains(filter)) {
                failure = asciiHex(more, out);
            } else if (ASCII_85.contains(filter)) {
                failure = ascii85(more, out);
            } else {
                failure = runLength(more, out);
            }
            if (failure != null) {
                return new Result(out, failure);
            }
        }
        if (out == null) {
            return new Result(new DecodedBytes(0), null);
        }
        if (predictor == null) {
            return new Result(out, null);
        }
        DecodedBytes rows = predictor.undo(out);
        return rows == null ? new Result(out, "a PDF stream names an unknown PNG predictor row type")
                : new Result(rows, null);
    }

    private static String tooLarge(DecodedBytes out) {
        return "PDF streams decode past " + (out.size() + out.room()) + " bytes";
    }

    /**
     * Inflates (zlib) the body; when the body ends before the deflate stream does, goes on into the rest. A stream
     * cut by the end of the PDF counts as read: nothing follows that a reader could see.
     */
    private static String inflate(ByteBuffer body, ByteBuffer rest, DecodedBytes out) {
        Inflater inflater = new Inflater();
        byte[] chunk = new byte[DecodedBytes.CHUNK];
        try {
            inflater.setInput(body.duplicate());
            boolean pastBody = false;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk, 0, (int) Math.min(chunk.length, out.room() + 1));
                if (n > 0) {
                    if (!out.write(chunk, 0, n)) {
                        return tooLarge(out);
                    }
                    continue;
                }
                if (inflater.needsDictionary()) {
                    return "a PDF stream asks for a preset deflate dictionary";
                }
                if (!inflater.needsInput()) {
                    return "a PDF stream is corrupt after " + out.size() + " inflated bytes";
                }
                if (pastBody || rest.remaining() <= body.remaining()) {
                    break;
                }
                pastBody = true;
                inflater.setInput(rest.duplicate().position(rest.position() + body.remaining()));
            }
            return null;
        } catch (DataFormatException e) {
            return "a PDF stream is corrupt after " + out.size() + " inflated bytes";
        } finally {
            inflater.end();
        }
    }

    /** ASCIIHexDecode: hex digits up to '&gt;', whitespace ignored, an odd last digit padded with 0. */
    private static String asciiHex(ByteBuffer in, DecodedBytes out) {
        byte[] staged = new byte[DecodedBytes.CHUNK];
        int count = 0;
        int high = -1;
        for (int i = in.position(); i < in.limit(); i++) {
            byte b = in.get(i);
            if (b == '>') {
                break;
            }
            if (PdfTokens.whitespace(b)) {
                continue;
            }
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                return "a PDF stream has a bad ASCIIHex digit";
            }
            if (high < 0) {
                high = digit;
                continue;
            }
            staged[count++] = (byte) (high << 4 | digit);
            high = -1;
            if (count == staged.length) {
                if (!out.write(staged, 0, count)) {
                    return tooLarge(out);
                }
                count = 0;
            }
        }
        if (high >= 0) {
            staged[count++] = (byte) (high << 4);
        }
        return out.write(staged, 0, count) ? null : tooLarge(out);
    }

    /** ASCII85Decode: groups of five '!'..'u', 'z' for four zeros, whitespace ignored, "~&gt;" ends. */
    private static String ascii85(ByteBuffer in, DecodedBytes out) {
        byte[] group = new byte[4];
        long value = 0;
        int digits = 0;
        for (int i = in.position(); i < in.limit(); i++) {
            byte b = in.get(i);
            if (b == '~') {
                break;
            }
            if (PdfTokens.whitespace(b)) {
                continue;
            }
            if (b == 'z' && digits == 0) {
                if (!out.write(new byte[4], 0, 4)) {
                    return tooLarge(out);
                }
                continue;
            }
            if (b < '!' || b > 'u') {
                return "a PDF stream has a bad ASCII85 character";
            }
            value = value * 85 + (b - '!');
            if (++digits == 5) {
                if (value > 0xFFFFFFFFL) {
                    return "a PDF stream has a bad ASCII85 group";
                }
                put(group, value);
                if (!out.write(group, 0, 4)) {
                    return tooLarge(out);
                }
                value = 0;
                digits = 0;
            }
        }
        if (digits == 1) {
            return "a PDF stream ends inside an ASCII85 group";
        }
        if (digits > 1) {
            for (int pad = digits; pad < 5; pad++) {
                value = value * 85 + 84;
            }
            put(group, value);
            if (!out.write(group, 0, digits - 1)) {
                return tooLarge(out);
            }
        }
        return null;
    }

    private static void put(byte[] group, long value) {
        for (int k = 0; k < 4; k++) {
            group[k] = (byte) (value >>> (24 - 8 * k));
        }
    }

    /** RunLengthDecode: a length byte, then that many + 1 literal bytes (0–127) or one byte repeated (129–255). */
    private static String runLength(ByteBuffer in, DecodedBytes out) {
        byte[] run = new byte[128];
        int i = in.position();
        while (i < in.limit()) {
            int length = in.get(i++) & 0xFF;
            if (length == 128) {
                break;
            }
            int n = length < 128 ? Math.min(length + 1, in.limit() - i) : 257 - length;
            if (length < 128) {
                in.get(i, run, 0, n);
                i += n;
            } else if (i < in.limit()) {
                Arrays.fill(run, 0, n, in.get(i++));
            } else {
                break;
            }
            if (!out.write(run, 0, n)) {
                return tooLarge(out);
            }
        }
        return null;
    }
}
