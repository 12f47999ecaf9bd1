package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Bounded inflation of a deflated dataset (raw deflate, PS3.5 A.5) into one direct buffer. */
final class DeflatedDataset {

    private static final int MIN_INITIAL_CAPACITY = 64 * 1024;
    private static final int MAX_INITIAL_CAPACITY = 64 * 1024 * 1024;
    /** Typical deflate ratio of DICOM datasets, to size the first buffer and rarely regrow it. */
    private static final int EXPECTED_RATIO = 4;

    private DeflatedDataset() {
    }

    /**
     * Inflates bytes[start, limit) to at most maxBytes. Problems (limit reached, corrupt stream, bytes after the
     * end of the stream) are reported to observations.
     *
     * @return the inflated bytes (read-only, position 0), possibly a truncated prefix; empty when nothing inflated
     */
    static ByteBuffer inflate(ByteBuffer bytes, int start, long maxBytes, Observations observations) {
        int compressed = bytes.limit() - start;
        long capacityLimit = Math.min(maxBytes, InspectionLimits.INFLATED_CEILING);
        Inflater inflater = new Inflater(true);
        ByteBuffer out = allocate((int) Math.min(capacityLimit,
                Math.max(MIN_INITIAL_CAPACITY, Math.min(MAX_INITIAL_CAPACITY, (long) compressed * EXPECTED_RATIO))),
                ByteBuffer.allocateDirect(0), observations);
        if (out == null) {
            return ByteBuffer.allocateDirect(0).asReadOnlyBuffer();
        }
        try {
            inflater.setInput(bytes.slice(start, compressed));
            while (!inflater.finished()) {
                if (!out.hasRemaining()) {
                    if (out.capacity() >= capacityLimit) {
                        if (producesMore(inflater)) {
                            observations.anomaly(Anomaly.Kind.INFLATION_LIMIT, "deflated dataset inflates past "
                                    + capacityLimit + " bytes; only that much is inspected", start);
                        }
                        break;
                    }
                    ByteBuffer grown = allocate((int) Math.min(capacityLimit, 2L * out.capacity()), out,
                            observations);
                    if (grown == null) {
                        break;
                    }
                    out = grown;
                    continue;
                }
                if (inflater.inflate(out) == 0 && !inflater.finished()) {
                    observations.anomaly(Anomaly.Kind.MALFORMED, inflater.needsDictionary()
                            ? "deflated dataset asks for a preset dictionary"
                            : "deflated dataset ends before its deflate stream does", start);
                    break;
                }
            }
            if (inflater.finished() && inflater.getRemaining() > 0) {
                int trailing = inflater.getRemaining();
                int trailingStart = bytes.limit() - trailing;
                observations.anomaly(Anomaly.Kind.TRAILING_DATA, trailing + " bytes from offset " + trailingStart
                        + " follow the end of the deflated dataset", trailingStart);
                observations.region(Region.TRAILING_DATA, bytes.slice(trailingStart, trailing), trailingStart, -1);
            }
        } catch (DataFormatException e) {
            observations.anomaly(Anomaly.Kind.MALFORMED, "deflated dataset is corrupt after "
                    + inflater.getBytesWritten() + " inflated bytes", start);
        } finally {
            inflater.end();
        }
        return out.flip().asReadOnlyBuffer();
    }

    /** Whether the stream still has output once the buffer is full (a stream may end exactly at the limit). */
    private static boolean producesMore(Inflater inflater) throws DataFormatException {
        byte[] probe = new byte[1];
        return inflater.inflate(probe) > 0 || !inflater.finished();
    }

    /**
     * A new direct buffer of the given capacity holding what out holds so far, or null (reported as
     * INFLATION_LIMIT, out left as it was) when the JVM cannot reserve the memory.
     */
    private static ByteBuffer allocate(int capacity, ByteBuffer out, Observations observations) {
        ByteBuffer bigger;
        try {
            bigger = ByteBuffer.allocateDirect(capacity);
        } catch (OutOfMemoryError e) {
            observations.anomaly(Anomaly.Kind.INFLATION_LIMIT, "no memory for " + capacity
                    + " inflated bytes; only " + out.position() + " are inspected", -1);
            return null;
        }
        return bigger.put(out.duplicate().flip());
    }
}
