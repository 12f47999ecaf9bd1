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
