package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/**
 * A big-endian binary value (OW/OF/OL/OD/OV, or a long US/SS/UL/SL/FL/FD/SV/UV/AT array such as LUT data) byte-swapped
 * word by word, as an archive converting the object to little endian writes it: a "swapped_value" view, so a payload stored swapped on the wire is seen the way it will be stored.
 */
final class SwappedValue {

    private static final int CHUNK = 64 * 1024;

    private SwappedValue() {
    }

    /** Adds the swapped view of value (read-only slice) or, when memory is refused, a NO_MEMORY anomaly. */
    static void add(ByteBuffer value, int wordSize, int tag, InspectionLimits limits, Observations observations) {
        int length = value.remaining();
        ByteBuffer view = length > limits.maxInflatedBytes() ? null : observations.views().allocate(length);
        if (view == null) {
            observations.anomaly(Anomaly.Kind.NO_MEMORY, "no memory for the byte-swapped view (" + length
                    + " bytes) of " + Tags.format(tag), -1);
            return;
        }
        byte[] chunk = new byte[CHUNK - CHUNK % 8];
        int whole = length - length % wordSize;
        for (int done = 0; done < whole; ) {
            int n = Math.min(chunk.length, whole - done);
            value.get(done, chunk, 0, n);
            swap(chunk, n, wordSize);
            view.put(chunk, 0, n);
            done += n;
        }
        // An odd tail (a malformed length) has no partner bytes: it stays as it is.
        view.put(value.slice(whole, length - whole));
        observations.region(Region.SWAPPED_VALUE, view.flip().asReadOnlyBuffer(), -1, tag);
    }

    private static void swap(byte[] bytes, int length, int wordSize) {
        for (int word = 0; word < length; word += wordSize) {
            for (int i = 0, j = word + wordSize - 1; i < wordSize / 2; i++, j--) {
                byte b = bytes[word + i];
                bytes[word + i] = bytes[j];
                bytes[j] = b;
            }
        }
    }
}
