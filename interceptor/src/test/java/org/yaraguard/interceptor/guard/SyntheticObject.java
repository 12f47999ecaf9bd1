package org.yaraguard.interceptor.guard;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A clean Part-10 object of any size, produced as a stream without ever being held: preamble, file meta, a few
 * attributes and one OB pixel data value of a repeating pattern. For the memory benchmark.
 */
final class SyntheticObject extends InputStream {

    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private final byte[] head;
    private final long size;
    private long position;

    /** An object of about {@code pixelBytes} (even) plus a few hundred bytes of header. */
    SyntheticObject(long pixelBytes, int number) {
        String sop = "2.25.1000" + number;
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
        element(meta, 0x0002, 0x0002, "UI", ui(SECONDARY_CAPTURE));
        element(meta, 0x0002, 0x0003, "UI", ui(sop));
        element(meta, 0x0002, 0x0010, "UI", ui(EXPLICIT_VR_LITTLE_ENDIAN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0002, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(meta.size()).array());
        out.writeBytes(meta.toByteArray());
        element(out, 0x0008, 0x0016, "UI", ui(SECONDARY_CAPTURE));
        element(out, 0x0008, 0x0018, "UI", ui(sop));
        element(out, 0x0010, 0x0010, "PN", "Bench^Memory".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0020, 0x000D, "UI", ui("2.25.2000" + number));
        element(out, 0x0020, 0x000E, "UI", ui("2.25.3000" + number));
        long pixels = pixelBytes & ~1L;
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'B').putShort((short) 0)
                .putInt((int) pixels);
        out.writeBytes(header.array());
        this.head = out.toByteArray();
        this.size = head.length + pixels;
    }

    long size() {
        return size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            long at = position + i;
            target[offset + i] = at < head.length ? head[(int) at] : (byte) (at * 7 >>> 3);
        }
        position += n;
        return n;
    }

    private static byte[] ui(String uid) {
        return (uid.length() % 2 == 0 ? uid : uid + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        byte[] padded = value.length % 2 == 0 ? value : java.util.Arrays.copyOf(value, value.length + 1);
        ByteBuffer header = ByteBuffer.allocate(vr.equals("OB") ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) group).putShort((short) element).put((byte) vr.charAt(0)).put((byte) vr.charAt(1));
        if (vr.equals("OB")) {
            header.putShort((short) 0).putInt(padded.length);
        } else {
            header.putShort((short) padded.length);
        }
        out.writeBytes(header.array());
        out.writeBytes(padded);
    }
}
