package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** What must hold for every inspection of every input, hostile or not; shared by the unit and fuzz tests. */
final class InspectionInvariants {

    private InspectionInvariants() {
    }

    /** Throws AssertionError when result violates an invariant for input inspected under limits. */
    static void check(byte[] input, Inspection result, InspectionLimits limits) {
        require(result != null, "no inspection");
        require(result.attributes() != null, "no attributes");
        long derivedBytes = 0;
        long objectBytes = 0;
        for (Region region : result.regions()) {
            ByteBuffer bytes = region.bytes();
            require(bytes.isReadOnly(), "region " + region.name() + " is writable");
            if (region.offset() >= 0) {
                require(region.offset() + bytes.remaining() <= input.length, "region " + region.name()
                        + " at " + region.offset() + " (" + bytes.remaining() + " bytes) lies outside the input");
                require(Arrays.equals(contents(bytes), Arrays.copyOfRange(input, (int) region.offset(),
                        (int) region.offset() + bytes.remaining())), "region " + region.name()
                        + " does not hold the input bytes at its offset");
                objectBytes += bytes.remaining();
            } else {
                require(bytes.remaining() <= limits.maxInflatedBytes(), "derived region " + region.name()
                        + " is larger than the inflation limit");
                derivedBytes += bytes.remaining();
            }
        }
        // Object regions never overlap (preamble, values, trailing bytes are disjoint); derived ones are the
        // inflated dataset and disjoint regions inside it.
        require(objectBytes <= input.length, "object regions hold " + objectBytes + " bytes of " + input.length);
        require(derivedBytes <= 2 * limits.maxInflatedBytes(), "derived regions hold " + derivedBytes + " bytes");
        for (Anomaly anomaly : result.anomalies()) {
            require(!anomaly.detail().startsWith("inspection stopped by an internal error"),
                    "internal error: " + anomaly);
            require(anomaly.offset() >= -1 && anomaly.offset() <= input.length, "anomaly offset outside input: "
                    + anomaly);
        }
        require(result.anomalies().size() <= Observations.MAX_ANOMALIES, "too many anomalies");
    }

    static byte[] contents(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return copy;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
