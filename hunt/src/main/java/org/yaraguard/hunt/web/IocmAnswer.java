package org.yaraguard.hunt.web;

/**
 * What the archive's IOCM service made of one instance's rejection.
 *
 * @param outcome    whether the instance is now rejected, was already, or the rejection failed
 * @param httpStatus the archive's last HTTP status, or null when no answer came (connection failures)
 * @param message    the archive's error text, or the rejection code on success
 */
public record IocmAnswer(Outcome outcome, Integer httpStatus, String message) {

    /** The three outcomes the findings log and the summary tell apart. */
    public enum Outcome { REJECTED, ALREADY_REJECTED, FAILED }
}
