package org.yaraguard.hunt;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** A stream whose reads are charged to a {@link Throttle}. */
final class ThrottledInputStream extends FilterInputStream {

    private final Throttle throttle;

    ThrottledInputStream(InputStream in, Throttle throttle) {
        super(in);
        this.throttle = throttle;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            charge(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        charge(n);
        return n;
    }

    private void charge(int n) throws InterruptedIOException {
        try {
            throttle.charge(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("hunt interrupted");
        }
    }
}
