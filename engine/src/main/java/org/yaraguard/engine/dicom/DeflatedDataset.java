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
    /** The only zlib header dcm4che recognizes (DicomInputStream.hasZLIBHeader, ZLIB_HEADER). */
    private static final int ZLIB_HEADER = 0x789C;

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
        boolean zlib = hasZlibHeader(bytes, start);
        if (zlib && rawStoredBlockAt(bytes, start)) {
            // 78 9C is also the start of a raw stored block: dcm4che inflates with the zlib header when its stream
            // supports mark/reset and raw otherwise, so the two readings could both be what the archive stores.
            observations.anomaly(Anomaly.Kind.DEFLATE_AMBIGUOUS, "deflated dataset reads both as zlib and as a"
                    + " raw stored block; only the zlib reading is inspected", start);
        }
        // Like dcm4che: a stream starting with the zlib header is inflated as zlib (header and checksum).
        Inflater inflater = new Inflater(!zlib);
        ByteBuffer out = allocate((int) Math.min(capacityLimit,
                Math.max(MIN_INITIAL_CAPACITY, Math.min(MAX_INITIAL_CAPACITY, (long) compressed * EXPECTED_RATIO))),
                ByteBuffer.allocate(0), observations);
        if (out == null) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
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

    private static boolean hasZlibHeader(ByteBuffer bytes, int start) {
        return bytes.limit() - start >= 2
                && ((bytes.get(start) & 0xFF) << 8 | (bytes.get(start + 1) & 0xFF)) == ZLIB_HEADER;
    }

    /** A raw stored block's LEN and NLEN (bytes 1-2 and 3-4) are each other's complement. */
    private static boolean rawStoredBlockAt(ByteBuffer bytes, int start) {
        if (bytes.limit() - start < 5) {
            return false;
        }
        int len = (bytes.get(start + 1) & 0xFF) | (bytes.get(start + 2) & 0xFF) << 8;
        int nlen = (bytes.get(start + 3) & 0xFF) | (bytes.get(start + 4) & 0xFF) << 8;
        return (len ^ nlen) == 0xFFFF;
    }

    /** Whether the stream still has output once the buffer is full (a stream may end exactly at the limit). */
    private static boolean producesMore(Inflater inflater) throws DataFormatException {
        byte[] probe = new byte[1];
        return inflater.inflate(probe) > 0 || !inflater.finished();
    }

    /**
     * A new direct buffer of the given capacity (from the inspection's share of the derived memory budget) holding
     * what out holds so far, out freed at once; or null (reported as NO_MEMORY, out left as it was) when the
     * budget or the JVM refuses the memory.
     */
    private static ByteBuffer allocate(int capacity, ByteBuffer out, Observations observations) {
        ByteBuffer bigger = observations.views().allocate(capacity);
        if (bigger == null) {
            observations.anomaly(Anomaly.Kind.NO_MEMORY, "no memory for " + capacity
                    + " inflated bytes; only " + out.position() + " are inspected", -1);
            return null;
        }
        bigger.put(out.duplicate().flip());
        observations.views().free(out);
        return bigger;
    }
}
