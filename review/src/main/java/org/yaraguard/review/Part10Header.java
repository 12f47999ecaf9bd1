package org.yaraguard.review;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The preamble and File Meta Information that turn a bare dataset (as received over C-STORE) into a Part-10 file
 * for STOW-RS. The preamble is zeroed. Values come from the sidecar and are checked to be UIDs first.
 */
final class Part10Header {

    static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    /** Our implementation class UID: a UUID-derived OID (2.25), fixed for YARA Guard. */
    static final String IMPLEMENTATION_CLASS_UID = "2.25.160720993440446416425307866383493428813";
    private static final String IMPLEMENTATION_VERSION = "YARAGUARD_01";
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private Part10Header() {
    }

    /** Whether text is a syntactically valid UID of at most 64 characters. */
    static boolean isUid(String text) {
        return text != null && text.length() <= 64 && UID.matcher(text).matches();
    }

    /**
     * Guesses the transfer syntax of a bare dataset from its first element: explicit VR little endian when bytes
     * 4-5 spell a VR, else implicit VR little endian (the default transfer syntax).
     */
    static String guessTransferSyntax(byte[] firstBytes) {
        if (firstBytes.length >= 6 && Character.isUpperCase(firstBytes[4]) && Character.isUpperCase(firstBytes[5])) {
            String vr = new String(firstBytes, 4, 2, StandardCharsets.US_ASCII);
            if ("AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV"
                    .contains(vr)) {
                return EXPLICIT_LITTLE_ENDIAN;
            }
        }
        return IMPLICIT_LITTLE_ENDIAN;
    }

    /** 128 zero bytes, "DICM", and group 0002 in explicit VR little endian. */
    static byte[] build(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        if (!isUid(sopClassUid) || !isUid(sopInstanceUid) || !isUid(transferSyntaxUid)) {
            throw new IllegalArgumentException("SOP Class, SOP Instance and Transfer Syntax UIDs are required");
        }
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        element(group, 0x0001, "OB", new byte[] {0, 1});
        element(group, 0x0002, "UI", uid(sopClassUid));
        element(group, 0x0003, "UI", uid(sopInstanceUid));
        element(group, 0x0010, "UI", uid(transferSyntaxUid));
        element(group, 0x0012, "UI", uid(IMPLEMENTATION_CLASS_UID));
        element(group, 0x0013, "SH", IMPLEMENTATION_VERSION.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] length = new byte[4];
        int size = group.size();
        for (int i = 0; i < 4; i++) {
            length[i] = (byte) (size >>> (8 * i));
        }
        element(out, 0x0000, "UL", length);
        out.writeBytes(group.toByteArray());
        return out.toByteArray();
    }

    private static byte[] uid(String uid) {
        byte[] ascii = uid.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length % 2 == 0) {
            return ascii;
        }
        byte[] padded = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, padded, 0, ascii.length);
        return padded;
    }

    private static void element(ByteArrayOutputStream out, int element, String vr, byte[] value) {
        out.write(0x02);
        out.write(0x00);
        out.write(element & 0xff);
        out.write(element >>> 8);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if ("OB".equals(vr)) {
            out.write(0);
            out.write(0);
            for (int i = 0; i < 4; i++) {
                out.write(value.length >>> (8 * i));
            }
        } else {
            out.write(value.length & 0xff);
            out.write(value.length >>> 8);
        }
        out.writeBytes(value);
    }
}
