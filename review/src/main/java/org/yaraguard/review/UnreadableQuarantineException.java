package org.yaraguard.review;

/** The quarantine folder, or an entry in it, cannot be read: the review cannot tell what is held there. */
public class UnreadableQuarantineException extends ReviewException {

    private static final long serialVersionUID = 1L;

    /** With a message for the reviewer that names the file. */
    public UnreadableQuarantineException(String message) {
        super(message);
    }
}
