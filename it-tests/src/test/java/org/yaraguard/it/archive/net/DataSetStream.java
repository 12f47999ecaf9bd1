package org.yaraguard.it.archive.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Test code: the data set of one C-STORE-RQ as the store receives it, read from the association's data fragments as
 * they arrive (as dcm4che's PDVInputStream): no preamble, no file meta, the negotiated transfer syntax. What the
 * store leaves unread is skipped before the response, as the archive's decoder does.
 */
final class DataSetStream extends InputStream {

    private final PDataReader reader;
    private final int contextId;
    private ByteBuffer fragment = ByteBuffer.allocate(0);
    private boolean lastFragment;

    DataSetStream(PDataReader reader, int contextId) {
        this.reader = reader;
        this.contextId = contextId;
    }

    @Override
    public int read() throws IOException {
        return fill() ? fragment.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, fragment.remaining());
        fragment.get(b, off, n);
        return n;
    }

    /** Reads and drops the rest of the data set; returns how many bytes the store did not read. */
    long skipRest() throws IOException {
        long skipped = 0;
        while (fill()) {
            skipped += fragment.remaining();
            fragment.position(fragment.limit());
        }
        return skipped;
    }

    private boolean fill() throws IOException {
        while (!fragment.hasRemaining()) {
            if (lastFragment) {
                return false;
            }
            PDataReader.Pdv pdv = reader.next();
            if (pdv == null || pdv.command() || pdv.contextId() != contextId) {
                throw new UpperLayer.ProtocolException("expected a data fragment of presentation context "
                        + contextId);
            }
            fragment = pdv.data();
            lastFragment = pdv.last();
        }
        return true;
    }
}
