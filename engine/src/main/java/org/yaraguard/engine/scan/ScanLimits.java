package org.yaraguard.engine.scan;

import java.time.Duration;

/** Bounds of one object's scan: the time for all its YARA passes together, and the largest object scanned. */
public record ScanLimits(Duration timeout, long maxObjectBytes) {

    /** Objects are mapped in one piece, so no limit can exceed what one buffer can address. */
    public static final long MAX_SCANNABLE_BYTES = Integer.MAX_VALUE;

    public ScanLimits {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("scan timeout must be positive: " + timeout);
        }
        if (maxObjectBytes < 0 || maxObjectBytes > MAX_SCANNABLE_BYTES) {
            throw new IllegalArgumentException(
                    "max object bytes must be between 0 and " + MAX_SCANNABLE_BYTES + ": " + maxObjectBytes);
        }
    }

    public static ScanLimits defaults() {
        return new ScanLimits(Duration.ofSeconds(10), MAX_SCANNABLE_BYTES);
    }
}
