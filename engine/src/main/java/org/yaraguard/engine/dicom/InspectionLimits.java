package org.yaraguard.engine.dicom;

/**
 * Bounds applied by {@link DicomInspector} to every object it reads.
 *
 * @param maxDepth             deepest sequence/item nesting walked before NESTING_TOO_DEEP stops the walk
 * @param maxElements          data elements visited (all levels together) before TOO_MANY_ELEMENTS stops the walk
 * @param maxInflatedBytes     bytes a deflated dataset may inflate to before INFLATION_LIMIT stops inflation
 * @param privateValueMinBytes smallest private value reported as a "private_value" region
 */
public record InspectionLimits(int maxDepth, int maxElements, long maxInflatedBytes, int privateValueMinBytes) {

    /** Largest inflated dataset we ever hold: one direct buffer, so it must fit an int index. */
    static final long INFLATED_CEILING = Integer.MAX_VALUE - 8L;

    public InspectionLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1: " + maxElements);
        }
        if (maxInflatedBytes < 0 || maxInflatedBytes > INFLATED_CEILING) {
            throw new IllegalArgumentException("maxInflatedBytes must be in [0, " + INFLATED_CEILING + "]: "
                    + maxInflatedBytes);
        }
        if (privateValueMinBytes < 0) {
            throw new IllegalArgumentException("privateValueMinBytes must not be negative: " + privateValueMinBytes);
        }
    }

    /**
     * Depth 4096 (the walk is iterative: a level costs a few dozen bytes), ten million elements (a fraction of a
     * second), 256 MiB inflated, private values of 256 bytes or more.
     */
    public static InspectionLimits defaults() {
        return new InspectionLimits(4096, 10_000_000, 256L * 1024 * 1024, 256);
    }
}
