package org.yaraguard.review;

/** A review action that cannot be carried out; the message is safe to show to the reviewer. */
public class ReviewException extends Exception {

    private static final long serialVersionUID = 1L;

    /** With a message for the reviewer. */
    public ReviewException(String message) {
        super(message);
    }

    /** With a message for the reviewer and the underlying cause. */
    public ReviewException(String message, Throwable cause) {
        super(message, cause);
    }
}
