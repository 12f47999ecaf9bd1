package org.yaraguard.interceptor.guard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test fixture: a small bare dataset (Explicit VR Little Endian) of text and binary values, written in ascending tag
 * order with values padded to even length, as the objects the hook's tests send.
 */
public final class BulkDataset {

    /** Explicit VR Little Endian, the transfer syntax of the rebuilt dataset. */
    public static final String TRANSFER_SYNTAX = "1.2.840.10008.1.2.1";

    private final Map<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);
    private boolean hasBulk;

    private record Element(String vr, byte[] value) {
    }

    /** Adds a text value (UI, DA, SH, CS, PN, LO); null or empty values are left out. */
    public BulkDataset text(int tag, String vr, String value) {
        if (value != null && !value.isEmpty()) {
            elements.put(tag, new Element(vr, value.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return this;
    }

    /** Adds a binary value (OB, OW, UN …). */
    public BulkDataset bytes(int tag, String vr, byte[] value) {
        elements.put(tag, new Element(vr, value));
        hasBulk = true;
        return this;
    }

    /** Whether any binary value was added. */
    public boolean hasBulkValues() {
        return hasBulk;
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        elements.forEach((tag, element) -> write(out, tag, element));
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int tag, Element element) {
        byte[] value = element.value();
        int padded = value.length + (value.length & 1);
        boolean longForm = switch (element.vr()) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT" -> true;
            default -> false;
        };
        ByteBuffer header = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        header.put(element.vr().getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            header.putShort((short) 0).putInt(padded);
        } else {
            header.putShort((short) padded);
        }
        out.writeBytes(header.array());
        out.writeBytes(value);
        if (padded != value.length) {
            out.write("UI".equals(element.vr()) || longForm ? 0 : ' ');
        }
    }
}
