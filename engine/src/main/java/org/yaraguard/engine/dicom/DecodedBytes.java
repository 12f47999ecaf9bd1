package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decoded bytes kept in heap chunks up to a cap, so that a bomb costs at most the cap and no regrowing copies. */
final class DecodedBytes {

    static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private final long cap;
    private long size;

    DecodedBytes(long cap) {
        this.cap = cap;
    }

    long size() {
        return size;
    }

    /** Room left under the cap. */
    long room() {
        return cap - size;
    }

    /** Appends; false (nothing appended) when the cap would be passed. */
    boolean write(byte[] bytes, int offset, int length) {
        if (length > room()) {
            return false;
        }
        int done = 0;
        while (done < length) {
            int used = (int) (size % CHUNK);
            if (used == 0) {
                chunks.add(new byte[CHUNK]);
            }
            int n = Math.min(length - done, CHUNK - used);
            System.arraycopy(bytes, offset + done, chunks.get(chunks.size() - 1), used, n);
            done += n;
            size += n;
        }
        return true;
    }

    /** Puts every byte into target, which must have room for size() bytes. */
    void copyTo(ByteBuffer target) {
        long left = size;
        for (byte[] chunk : chunks) {
            int n = (int) Math.min(left, CHUNK);
            target.put(chunk, 0, n);
            left -= n;
        }
    }

    /** The bytes as one heap buffer, the input of the next filter of a chain. */
    ByteBuffer toBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        copyTo(buffer);
        return buffer.flip();
    }
}
