package org.dcm4che3.net.service;

import java.io.IOException;

/** Compile-only: the failure dcm4che turns into a DIMSE status (and the archive into a STOW-RS FailureReason). */
public class DicomServiceException extends IOException {

    private final int status;

    /** Keeps the message and the status (so the hook's unit tests can read them), as the archive's class does. */
    public DicomServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
