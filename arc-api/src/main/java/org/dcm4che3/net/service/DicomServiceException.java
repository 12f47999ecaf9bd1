package org.dcm4che3.net.service;

import java.io.IOException;

/** Compile-only: the failure dcm4che turns into a DIMSE status (and the archive into a STOW-RS FailureReason). */
public class DicomServiceException extends IOException {

    public DicomServiceException(int status, String message) {
        throw new UnsupportedOperationException();
    }
}
