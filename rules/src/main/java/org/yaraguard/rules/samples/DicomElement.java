package org.yaraguard.rules.samples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One top-level element of an explicit VR little endian dataset, as the sample generators edit it.
 *
 * @param tag             group in the high 16 bits, element in the low 16 bits
 * @param vr              two-letter value representation
 * @param value           the value bytes; for an undefined length, the items up to and including the delimiter
 * @param undefinedLength whether the element was (and will be) written with length 0xFFFFFFFF
 */
public record DicomElement(int tag, String vr, byte[] value, boolean undefinedLength) {

    /** Tag of Pixel Data (7FE0,0010). */
    public static final int PIXEL_DATA = 0x7FE00010;

    public DicomElement {
        if (vr.length() != 2) {
            throw new IllegalArgumentException("VR must have two letters: " + vr);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** A value of binary VR (OB, OW, UN…), padded with a zero byte to an even length. */
    public static DicomElement binary(int tag, String vr, byte[] value) {
        return new DicomElement(tag, vr, value.length % 2 == 0 ? value : Arrays.copyOf(value, value.length + 1), false);
    }

    /** A text value padded with a space to an even length (LO, SH, CS, PN, DA, LT, UT…). */
    public static DicomElement text(int tag, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 != 0) {
            bytes = Arrays.copyOf(bytes, bytes.length + 1);
            bytes[bytes.length - 1] = ' ';
        }
        return new DicomElement(tag, vr, bytes, false);
    }

    /** A UID value, padded with a zero byte to an even length. */
    public static DicomElement uid(int tag, String uid) {
        return binary(tag, "UI", uid.getBytes(StandardCharsets.US_ASCII));
    }

    /** An unsigned short (US) value. */
    public static DicomElement unsignedShort(int tag, int value) {
        byte[] bytes = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
        return new DicomElement(tag, "US", bytes, false);
    }

    /** The value as text without its padding. */
    public String text() {
        int end = value.length;
        while (end > 0 && (value[end - 1] == ' ' || value[end - 1] == 0)) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.US_ASCII);
    }

    int group() {
        return tag >>> 16;
    }
}
