package org.yaraguard.engine.spool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Streams a spooled object's in-memory bytes without copying them first. Every read checks, under the object's
 * lock, that the memory has not been freed: a late read fails with an IOException instead of touching freed memory.
 */
final class ByteBufferInputStream extends InputStream {

    private final SpooledObject owner;
    private final ByteBuffer buffer;

    ByteBufferInputStream(SpooledObject owner, ByteBuffer buffer) {
        this.owner = owner;
        this.buffer = buffer;
    }

    @Override
    public int read() throws IOException {
        synchronized (owner) {
            owner.checkOpen();
            return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
        }
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        synchronized (owner) {
            owner.checkOpen();
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
    }

    @Override
    public int available() throws IOException {
        synchronized (owner) {
            owner.checkOpen();
            return buffer.remaining();
        }
    }
}
