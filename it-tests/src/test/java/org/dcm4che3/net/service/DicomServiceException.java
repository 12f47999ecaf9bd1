package org.dcm4che3.net.service;

import java.io.IOException;

/**
 * Test stand-in for dcm4che's DicomServiceException, installed in the test WildFly as the static module
 * {@code org.dcm4che.net} (the real library is not on Maven Central). The status is what a C-STORE sender or a
 * STOW-RS client receives; the message becomes the error comment.
 */
public class DicomServiceException extends IOException {

    private final int status;

    public DicomServiceException(int status) {
        super();
        this.status = status;
    }

    public DicomServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public DicomServiceException(int status, Throwable cause) {
        super(cause);
        this.status = status;
    }

    public DicomServiceException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
