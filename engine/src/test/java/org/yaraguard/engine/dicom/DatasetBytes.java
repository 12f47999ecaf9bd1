package org.yaraguard.engine.dicom;

import java.io.ByteArrayOutputStream;

/** Hand-made element headers in little endian, for inputs no well-behaved tool would write. */
final class DatasetBytes {

    static final long UNDEFINED = 0xFFFFFFFFL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    DatasetBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Explicit VR header; the 4-byte length form for OB, OW, SQ, UN, UT (the VRs used here). */
    DatasetBytes explicit(int tag, String vr, long length) {
        tag(tag);
        out.write(vr.charAt(0));
        out.write(vr.charAt(1));
        if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")) {
            u16(0);
            u32(length);
        } else {
            u16((int) length);
        }
        return this;
    }

    DatasetBytes explicit(int tag, String vr, byte[] value) {
        return explicit(tag, vr, value.length).raw(value);
    }

    /** Implicit VR header, also the form of items and delimiters in every syntax. */
    DatasetBytes implicit(int tag, long length) {
        tag(tag);
        u32(length);
        return this;
    }

    DatasetBytes item(long length) {
        return implicit(Tags.ITEM, length);
    }

    DatasetBytes itemDelimiter() {
        return implicit(Tags.ITEM_DELIMITATION, 0);
    }

    DatasetBytes sequenceDelimiter() {
        return implicit(Tags.SEQUENCE_DELIMITATION, 0);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void tag(int tag) {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
    }

    private void u16(int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private void u32(long value) {
        u16((int) (value & 0xFFFF));
        u16((int) ((value >>> 16) & 0xFFFF));
    }
}
