package org.yaraguard.rules.adversarial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A dataset written byte by byte in one {@link Encoding}, for shapes no toolkit would write on request: elements kept
 * in ascending tag order, sequences and items of undefined length, fragments, and raw bytes after the last element.
 * Values are given as they go on the wire (big-endian words already swapped by the caller).
 */
final class Dataset {

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_END = 0xFFFEE00D;
    static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int UNDEFINED = 0xFFFFFFFF;
    private static final Set<String> LONG_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> TEXT_VRS =
            Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UR", "UT");

    private final Encoding encoding;
    private final TreeMap<Long, byte[]> elements = new TreeMap<>();
    private final ByteArrayOutputStream after = new ByteArrayOutputStream();

    Dataset(Encoding encoding) {
        this.encoding = encoding;
    }

    Encoding encoding() {
        return encoding;
    }

    /** A value padded to an even length (space for text VRs, zero otherwise); replaces any element of that tag. */
    Dataset value(int tag, String vr, byte[] value) {
        byte[] even = value;
        if (value.length % 2 != 0) {
            even = Arrays.copyOf(value, value.length + 1);
            even[value.length] = TEXT_VRS.contains(vr) ? (byte) ' ' : 0;
        }
        elements.put(key(tag), element(tag, vr, even.length, even));
        return this;
    }

    Dataset text(int tag, String vr, String text) {
        return value(tag, vr, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    Dataset uid(int tag, String uid) {
        return value(tag, "UI", uid.getBytes(StandardCharsets.US_ASCII));
    }

    Dataset unsignedShort(int tag, int number) {
        return value(tag, "US", ByteBuffer.allocate(2).order(encoding.order()).putShort((short) number).array());
    }

    /** A sequence and its items, all of undefined length. */
    Dataset sequence(int tag, List<Dataset> items) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (Dataset item : items) {
            value.writeBytes(header(ITEM, null, UNDEFINED));
            value.writeBytes(item.toBytes());
            value.writeBytes(header(ITEM_END, null, 0));
        }
        value.writeBytes(header(SEQUENCE_END, null, 0));
        elements.put(key(tag), element(tag, "SQ", UNDEFINED, value.toByteArray()));
        return this;
    }

    /** An element of undefined length whose value bytes (items and delimiter included) are given as they are. */
    Dataset undefinedLength(int tag, String vr, byte[] value) {
        elements.put(key(tag), element(tag, vr, UNDEFINED, value));
        return this;
    }

    /** An encapsulated value: undefined length, one item per fragment as given (the first is the offset table). */
    Dataset fragments(int tag, String vr, List<byte[]> fragments) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] fragment : fragments) {
            value.writeBytes(header(ITEM, null, fragment.length));
            value.writeBytes(fragment);
        }
        value.writeBytes(header(SEQUENCE_END, null, 0));
        elements.put(key(tag), element(tag, vr, UNDEFINED, value.toByteArray()));
        return this;
    }

    /** Bytes written as they are after the last element (out-of-order elements, padding, trailing data). */
    Dataset thenRaw(byte[] bytes) {
        after.writeBytes(bytes);
        return this;
    }

    /** An element header of this encoding (no VR for items and delimiters, nor in implicit VR). */
    byte[] header(int tag, String vr, long length) {
        ByteBuffer header = ByteBuffer.allocate(12).order(encoding.order());
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        boolean delimiter = (tag >>> 16) == 0xFFFE;
        if (!encoding.explicitVr() || delimiter || vr == null) {
            header.putInt((int) length);
        } else if (LONG_VRS.contains(vr)) {
            header.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putInt((int) length);
        } else {
            header.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) length);
        }
        return Arrays.copyOf(header.array(), header.position());
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        elements.values().forEach(out::writeBytes);
        out.writeBytes(after.toByteArray());
        return out.toByteArray();
    }

    private byte[] element(int tag, String vr, int length, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(tag, vr, length));
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static long key(int tag) {
        return tag & 0xFFFFFFFFL;
    }
}
