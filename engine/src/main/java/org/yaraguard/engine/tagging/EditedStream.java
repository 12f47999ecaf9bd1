package org.yaraguard.engine.tagging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/** The bytes of a source stream with edits applied on the fly: nothing but the inserted elements is held in memory. */
final class EditedStream extends InputStream {

    private final InputStream source;
    private final Iterator<Edit> edits;
    private Edit pending;
    private long position;
    private byte[] inserting = new byte[0];
    private int inserted;

    /** @param edits ascending, non-overlapping offsets into source */
    EditedStream(InputStream source, List<Edit> edits) {
        this.source = source;
        this.edits = edits.iterator();
        this.pending = this.edits.hasNext() ? this.edits.next() : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (inserted < inserting.length) {
                int n = Math.min(length, inserting.length - inserted);
                System.arraycopy(inserting, inserted, target, offset, n);
                inserted += n;
                return n;
            }
            if (pending != null && position == pending.offset()) {
                skipExactly(pending.remove());
                inserting = pending.insert();
                inserted = 0;
                pending = edits.hasNext() ? edits.next() : null;
                continue;
            }
            int wanted = pending == null ? length : (int) Math.min(length, pending.offset() - position);
            int n = source.read(target, offset, wanted);
            if (n < 0) {
                if (pending != null) {
                    throw new EOFException("object ends at " + position + ", before the tag's place at "
                            + pending.offset());
                }
                return -1;
            }
            position += n;
            return n;
        }
    }

    private void skipExactly(long count) throws IOException {
        source.skipNBytes(count);
        position += count;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
