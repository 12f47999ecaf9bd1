package org.dcm4che3.net.service;

import java.io.IOException;

/** Compile-only: the failure dcm4che turns into a DIMSE status (and the archive into a STOW-RS FailureReason). */
public class DicomServiceException extends IOException {

    /** Keeps only the message (so the hook's unit tests can read it); the archive's class keeps the status too. */
    public DicomServiceException(int status, String message) {
        super(message);
    }
}
