package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/** The 128-byte preamble of a Part-10 file: always a region, an anomaly unless all zero or a TIFF header. */
final class Preamble {

    static final int LENGTH = 128;
    /** "DICM" follows the preamble in a Part-10 file. */
    static final int PREFIX_END = LENGTH + 4;

    private Preamble() {
    }

    /** "DICM" after 128 bytes. */
    static boolean hasDicmPrefix(ByteBuffer bytes) {
        return bytes.limit() >= PREFIX_END && bytes.get(LENGTH) == 'D' && bytes.get(LENGTH + 1) == 'I'
                && bytes.get(LENGTH + 2) == 'C' && bytes.get(LENGTH + 3) == 'M';
    }

    /**
     * A preamble the way dcm4che's DicomInputStream.guessTransferSyntax takes one: "DICM" followed by group 0002;
     * otherwise it reads the object from offset 0.
     */
    static boolean isPart10(ByteBuffer bytes) {
        return hasDicmPrefix(bytes) && bytes.limit() >= PREFIX_END + 2 && bytes.get(PREFIX_END) == 2
                && bytes.get(PREFIX_END + 1) == 0;
    }

    /** An explicit VR little endian group 0002 element at offset 0, as file meta without a preamble starts. */
    static boolean startsWithFileMeta(ByteBuffer bytes) {
        return bytes.limit() >= 8 && bytes.get(0) == 2 && bytes.get(1) == 0
                && Vr.known(Vr.code(bytes.get(4), bytes.get(5)));
    }

    static void inspect(ByteBuffer bytes, Observations observations) {
        observations.region(Region.PREAMBLE, bytes.slice(0, LENGTH), 0, -1);
        if (!allZero(bytes) && !isTiffHeader(bytes)) {
            observations.anomaly(Anomaly.Kind.PREAMBLE_NOT_TIFF,
                    "preamble is neither all zero nor a TIFF header", 0);
        }
    }

    private static boolean allZero(ByteBuffer bytes) {
        for (int i = 0; i < LENGTH; i++) {
            if (bytes.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** "II*\0" (little endian) or "MM\0*" (big endian), as used by TIFF/DICOM dual-format files. */
    private static boolean isTiffHeader(ByteBuffer bytes) {
        byte b0 = bytes.get(0);
        byte b1 = bytes.get(1);
        byte b2 = bytes.get(2);
        byte b3 = bytes.get(3);
        return (b0 == 'I' && b1 == 'I' && b2 == '*' && b3 == 0) || (b0 == 'M' && b1 == 'M' && b2 == 0 && b3 == '*');
    }
}
