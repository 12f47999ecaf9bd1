package org.yaraguard.engine.tagging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes short text elements the way the dataset they join is encoded: explicit or implicit VR, either byte order. */
record ElementEncoding(boolean explicitVr, boolean bigEndian) {

    /** Tag, VR (explicit only), length and the values joined by backslashes, padded with a space to even length. */
    byte[] encode(int tag, String vr, List<String> values) {
        byte[] text = String.join("\\", values).getBytes(StandardCharsets.US_ASCII);
        int length = text.length + (text.length & 1);
        ByteBuffer out = ByteBuffer.allocate(8 + length)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) (tag >>> 16)).putShort((short) tag);
        if (explicitVr) {
            out.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) length);
        } else {
            out.putInt(length);
        }
        out.put(text);
        if (length != text.length) {
            out.put((byte) ' ');
        }
        return out.array();
    }
}
