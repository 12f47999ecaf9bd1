package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/** The fragments of one encapsulated value joined without their item headers: a "reassembled_value" view. */
final class ReassembledValue {

    private ReassembledValue() {
    }

    /**
     * Joins fragments [first, count) of bytes (pairs of start and length in fragments) into a new derived view.
     *
     * @return the view (read-only, position 0), or null when it is larger than the inflation limit or the memory
     *         budget refuses it (reported as NO_MEMORY: the inspection is then incomplete)
     */
    static ByteBuffer join(ByteBuffer bytes, long[] fragments, int first, int count, int tag, InspectionLimits limits,
            Observations observations) {
        long total = 0;
        for (int i = first; i < count; i++) {
            total += fragments[i * 2 + 1];
        }
        ByteBuffer view = total > limits.maxInflatedBytes() ? null : observations.views().allocate((int) total);
        if (view == null) {
            observations.anomaly(Anomaly.Kind.NO_MEMORY, "no memory to join the " + (count - first)
                    + " fragments (" + total + " bytes) of " + Tags.format(tag) + "; they are scanned one by one only",
                    -1);
            return null;
        }
        for (int i = first; i < count; i++) {
            view.put(bytes.slice((int) fragments[i * 2], (int) fragments[i * 2 + 1]));
        }
        return view.flip().asReadOnlyBuffer();
    }
}
