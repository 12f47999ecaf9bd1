package org.yaraguard.hunt.web;

import java.io.IOException;

/**
 * The archive answered, but not with one whole DICOM object for the instance (another media type, no part, more
 * than one part): the instance could not be inspected, which is trouble, not a clean verdict.
 */
public final class DicomWebTrouble extends IOException {

    public DicomWebTrouble(String message) {
        super(message);
    }
}
