package org.yaraguard.engine.dicom;

import java.util.BitSet;

/** Value representations as two-letter codes: which exist, and which use the 4-byte length form. */
final class Vr {

    /** No VR on the wire: implicit VR syntax, or an item or delimiter tag. */
    static final int NONE = 0;
    static final int SQ = code("SQ");
    static final int UN = code("UN");
    static final int OB = code("OB");
    static final int OW = code("OW");
    static final int OF = code("OF");
    static final int OL = code("OL");
    static final int OD = code("OD");
    static final int OV = code("OV");
    static final int UL = code("UL");
    static final int LO = code("LO");

    private static final BitSet KNOWN = codes("AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS"
            + " ST SV TM UC UI UL UN UR US UT UV");
    private static final BitSet LONG_LENGTH = codes("OB OD OF OL OV OW SQ SV UC UN UR UT UV");

    private Vr() {
    }

    /** Code of the two bytes b1 b2 as they appear on the wire. */
    static int code(int b1, int b2) {
        return (b1 & 0xFF) << 8 | (b2 & 0xFF);
    }

    static boolean known(int code) {
        return KNOWN.get(code);
    }

    /** True for VRs whose explicit-VR header has 2 reserved bytes and a 32-bit length. */
    static boolean longLength(int code) {
        return LONG_LENGTH.get(code);
    }

    /**
     * The VR dcm4che's standard dictionary (StandardElementDictionary.vrOf) gives a tag whose VR code is unknown,
     * where it does not depend on the dictionary's table: UL for group lengths, LO for private creators, UN for
     * other private tags; NONE for standard tags, whose VR only the table knows.
     */
    static int standardDictionaryFallback(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return UL;
        }
        if (Tags.isPrivate(tag)) {
            return (tag & 0xFF00) == 0 && (tag & 0xF0) != 0 ? LO : UN;
        }
        return NONE;
    }

    /** A numeric value under 16 bytes (Rows, a window centre) is too short for any executable header: no view. */
    static final int MIN_NUMERIC_SWAP_BYTES = 16;

    private static final BitSet SWAP_2 = codes("OW US SS AT");
    private static final BitSet SWAP_4 = codes("OF OL UL SL FL");
    private static final BitSet SWAP_8 = codes("OD OV FD SV UV");
    private static final BitSet OTHER = codes("OW OF OL OD OV");

    /**
     * Bytes per word of the VRs whose values a big-endian dataset stores byte-swapped and an archive converting to
     * little endian swaps back (OW/US/SS/AT 2, OF/OL/UL/SL/FL 4, OD/OV/FD/SV/UV 8), or 0 for every other VR (bytes and
     * text are the same in both byte orders).
     */
    static int swappedWordSize(int code) {
        if (SWAP_2.get(code)) {
            return 2;
        }
        if (SWAP_4.get(code)) {
            return 4;
        }
        return SWAP_8.get(code) ? 8 : 0;
    }

    /** The smallest value of this VR worth a byte-swapped view: any bulk (O*) value, numeric ones from 16 bytes. */
    static int minSwappedBytes(int code) {
        return OTHER.get(code) ? 1 : MIN_NUMERIC_SWAP_BYTES;
    }

    static String name(int code) {
        return code == NONE ? "implicit" : "" + (char) (code >>> 8) + (char) (code & 0xFF);
    }

    private static int code(String name) {
        return code(name.charAt(0), name.charAt(1));
    }

    private static BitSet codes(String names) {
        BitSet set = new BitSet(1 << 16);
        for (String name : names.split(" ")) {
            set.set(code(name));
        }
        return set;
    }
}
