package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/**
 * A /DecodeParms predictor of a Flate stream: PNG row filters (predictors 10–15) are undone, since a filter byte
 * before every row would split the names the rules look for; other predictors (TIFF 2) are not decoded.
 *
 * @param predictor        /Predictor (above 1)
 * @param colors           /Colors, default 1
 * @param bitsPerComponent /BitsPerComponent, default 8
 * @param columns          /Columns, default 1
 */
record PdfPredictor(long predictor, long colors, long bitsPerComponent, long columns) {

    /** Row lengths past this are no PDF a writer makes (and would overflow the arithmetic below). */
    private static final long MAX_ROW_BYTES = 1 << 24;

    /** Whether {@link #undo} can decode this predictor. */
    boolean decodable() {
        return predictor >= 10 && predictor <= 15 && colors >= 1 && colors <= 32
                && (bitsPerComponent == 1 || bitsPerComponent == 2 || bitsPerComponent == 4
                    || bitsPerComponent == 8 || bitsPerComponent == 16)
                && columns >= 1 && rowBytes() <= MAX_ROW_BYTES;
    }

    private long rowBytes() {
        return columns > MAX_ROW_BYTES ? Long.MAX_VALUE : (colors * bitsPerComponent * columns + 7) / 8;
    }

    /**
     * Undoes the PNG row filters of in (rows of 1 + rowBytes bytes; a short last row is taken as it is). The rows
     * without their filter bytes are fewer bytes than in, so they need no cap of their own.
     *
     * @return the rows without their filter bytes, or null when a row names an unknown filter type
     */
    DecodedBytes undo(DecodedBytes in) {
        int rowBytes = (int) rowBytes();
        int pixelBytes = (int) Math.max(1, colors * bitsPerComponent / 8);
        ByteBuffer input = in.toBuffer();
        DecodedBytes out = new DecodedBytes(in.size());
        byte[] previous = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        while (input.hasRemaining()) {
            int type = input.get() & 0xFF;
            int length = Math.min(rowBytes, input.remaining());
            input.get(row, 0, length);
            if (type > 4) {
                return null;
            }
            for (int i = 0; i < length; i++) {
                int left = i >= pixelBytes ? row[i - pixelBytes] & 0xFF : 0;
                int up = previous[i] & 0xFF;
                int upLeft = i >= pixelBytes ? previous[i - pixelBytes] & 0xFF : 0;
                row[i] = (byte) (row[i] + switch (type) {
                    case 1 -> left;
                    case 2 -> up;
                    case 3 -> (left + up) / 2;
                    case 4 -> paeth(left, up, upLeft);
                    default -> 0;
                });
            }
            out.write(row, 0, length);
            System.arraycopy(row, 0, previous, 0, length);
        }
        return out;
    }

    private static int paeth(int left, int up, int upLeft) {
        int estimate = left + up - upLeft;
        int toLeft = Math.abs(estimate - left);
        int toUp = Math.abs(estimate - up);
        int toUpLeft = Math.abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft) {
            return left;
        }
        return toUp <= toUpLeft ? up : upLeft;
    }
}
