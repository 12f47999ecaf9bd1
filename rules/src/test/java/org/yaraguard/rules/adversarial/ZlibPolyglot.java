package org.yaraguard.rules.adversarial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * A deflate stream with two readings. Its first bytes, 78 9C 00, are a zlib header to a reader that looks for one
 * (dcm4che's DicomInputStream) and a stored block to a raw-deflate reader (DCMTK). As raw deflate it inflates to a
 * clean 16,983-byte dataset (one LT element) and ends; as zlib its first stored block swallows all of that as the value
 * of one OB element, and a compressed block behind it carries the hidden dataset.
 */
final class ZlibPolyglot {

    /** Raw reading: stored block of 0x009C bytes; zlib reading: stored block of 0xFF63 bytes after 78 9C. */
    private static final int RAW_FIRST_BLOCK = 0x009C;
    private static final int ZLIB_FIRST_BLOCK = 0xFFFF - RAW_FIRST_BLOCK;
    /** The raw reading's element (009C,0008) LT has length "OB" (0x424F): its header reads as (0008,544C) OB. */
    private static final int RAW_VALUE_LENGTH = 0x424F;

    private ZlibPolyglot() {
    }

    static byte[] of(byte[] hiddenDataset) {
        int hiddenHeaderValue = ZLIB_FIRST_BLOCK - 12;
        ByteBuffer raw = ByteBuffer.allocate(8 + RAW_VALUE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        raw.putShort((short) 0x009C).putShort((short) 0x0008).put((byte) 'L').put((byte) 'T')
                .putShort((short) RAW_VALUE_LENGTH).putShort((short) 0).putInt(hiddenHeaderValue);
        while (raw.hasRemaining()) {
            raw.put((byte) 'C');
        }
        byte[] rawDataset = raw.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x78, (byte) 0x9C, 0x00});
        out.writeBytes(littleEndianShort(ZLIB_FIRST_BLOCK));
        out.writeBytes(Arrays.copyOf(rawDataset, RAW_FIRST_BLOCK));
        int rest = rawDataset.length - RAW_FIRST_BLOCK;
        out.write(0x01);
        out.writeBytes(littleEndianShort(rest));
        out.writeBytes(littleEndianShort(0xFFFF - rest));
        out.writeBytes(Arrays.copyOfRange(rawDataset, RAW_FIRST_BLOCK, rawDataset.length));
        int zlibFirstBlockEnd = 7 + ZLIB_FIRST_BLOCK;
        out.writeBytes(new byte[zlibFirstBlockEnd - out.size()]);
        byte[] swallowed = Arrays.copyOfRange(out.toByteArray(), 7, zlibFirstBlockEnd);
        out.writeBytes(rawDeflate(hiddenDataset));
        Adler32 adler = new Adler32();
        adler.update(swallowed);
        adler.update(hiddenDataset);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
        byte[] stream = out.toByteArray();
        return stream.length % 2 == 0 ? stream : Arrays.copyOf(stream, stream.length + 1);
    }

    private static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] littleEndianShort(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }
}
