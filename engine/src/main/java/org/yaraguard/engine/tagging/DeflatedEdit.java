package org.yaraguard.engine.tagging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A deflated object (PS3.5 A.5) with edits to its inflated dataset: preamble and file meta as received, then the
 * dataset inflated, edited and deflated again as it is read, so no more than the codecs' buffers is held. Bytes after
 * the end of the deflate stream are left out (dcm4che never reads them either).
 */
final class DeflatedEdit extends FilterInputStream {

    private final Inflater inflater;
    private final Deflater deflater;

    private DeflatedEdit(InputStream in, Inflater inflater, Deflater deflater) {
        super(in);
        this.inflater = inflater;
        this.deflater = deflater;
    }

    static InputStream stream(InputStream object, long datasetStart, List<Edit> edits) {
        Inflater inflater = new Inflater(true);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        InputStream head = new FilterInputStream(object) {
            private long left = datasetStart;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() {
                // The dataset is read from the same stream next: SequenceInputStream must not close it here.
            }
        };
        InputStream dataset = new DeflaterInputStream(new EditedStream(new InflaterInputStream(object, inflater),
                edits), deflater);
        return new DeflatedEdit(new SequenceInputStream(head, dataset), inflater, deflater);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            inflater.end();
            deflater.end();
        }
    }
}
