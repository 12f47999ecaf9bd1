package org.yaraguard.engine.tagging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A deflated object (PS3.5 A.5) with edits to its inflated dataset: preamble and file meta as received, then the
 * dataset inflated, edited and deflated again (raw deflate, as the standard says) as it is read, so no more than the
 * codecs' buffers is held. A dataset that starts with the zlib header 78 9C is inflated as zlib, as dcm4che's
 * DicomInputStream does. Bytes after the end of the deflate stream are left out (dcm4che never reads them either).
 */
final class DeflatedEdit extends FilterInputStream {

    private static final int ZLIB_HEADER = 0x789C;

    private final Codecs codecs;

    /** The inflater (made once the head is read and the stream's first bytes are known) and the deflater. */
    private static final class Codecs {
        Inflater inflater;
        final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);

        void end() {
            if (inflater != null) {
                inflater.end();
            }
            deflater.end();
        }
    }

    private DeflatedEdit(InputStream in, Codecs codecs) {
        super(in);
        this.codecs = codecs;
    }

    static InputStream stream(InputStream object, long datasetStart, List<Edit> edits) {
        PushbackInputStream source = new PushbackInputStream(object, 2);
        Codecs codecs = new Codecs();
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < 2;
            }

            @Override
            public InputStream nextElement() {
                return next++ == 0 ? head(source, datasetStart) : dataset(source, edits, codecs);
            }
        };
        return new DeflatedEdit(new SequenceInputStream(parts), codecs);
    }

    /** The first datasetStart bytes; closing it leaves the source open for the dataset. */
    private static InputStream head(InputStream source, long datasetStart) {
        return new FilterInputStream(source) {
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
                // The dataset is read from the same stream next.
            }
        };
    }

    private static InputStream dataset(PushbackInputStream source, List<Edit> edits, Codecs codecs) {
        try {
            byte[] first = source.readNBytes(2);
            source.unread(first);
            boolean zlib = first.length == 2 && ((first[0] & 0xFF) << 8 | (first[1] & 0xFF)) == ZLIB_HEADER;
            codecs.inflater = new Inflater(!zlib);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeflaterInputStream(new EditedStream(new InflaterInputStream(source, codecs.inflater), edits),
                codecs.deflater);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            codecs.end();
        }
    }
}
