package org.yaraguard.engine.spool;

import java.io.InputStream;
import java.nio.ByteBuffer;

/** Streams a buffer's remaining bytes without copying them first. */
final class ByteBufferInputStream extends InputStream {

    private final ByteBuffer buffer;

    ByteBufferInputStream(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public int read() {
        return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(target, offset, n);
        return n;
    }

    @Override
    public int available() {
        return buffer.remaining();
    }
}
