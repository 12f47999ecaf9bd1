package org.yaraguard.review.hunt;

/**
 * What acting on one hit gave: a dry run (nothing sent), or the archive's answer to the rejection of the instance.
 *
 * @param status     {@link #DRY_RUN}, {@link #REJECTED}, {@link #ALREADY_REJECTED} or {@link #FAILED}
 * @param httpStatus the archive's HTTP status, or null when nothing was sent (a dry run, a connection that failed)
 * @param message    a short human-readable account (the archive's error text, the rejection code), or null
 */
public record Rejection(String status, Integer httpStatus, String message) {

    public static final String DRY_RUN = "dry-run";
    public static final String REJECTED = "rejected";
    public static final String ALREADY_REJECTED = "already-rejected";
    public static final String FAILED = "failed";

    public Rejection {
        if (!DRY_RUN.equals(status) && !REJECTED.equals(status) && !ALREADY_REJECTED.equals(status)
                && !FAILED.equals(status)) {
            throw new IllegalArgumentException("unknown rejection status: " + status);
        }
    }

    /** Nothing was sent: the hunt only reports. */
    public static Rejection dryRun(String message) {
        return new Rejection(DRY_RUN, null, message);
    }

    /** True when the instance is now rejected in the archive, whether by this hunt or before it. */
    public boolean rejected() {
        return REJECTED.equals(status) || ALREADY_REJECTED.equals(status);
    }

    /** True when the rejection was tried and did not happen. */
    public boolean failed() {
        return FAILED.equals(status);
    }
}
