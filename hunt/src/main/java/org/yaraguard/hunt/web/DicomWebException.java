package org.yaraguard.hunt.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The archive answered a DICOMweb request with an HTTP status other than success. */
public final class DicomWebException extends IOException {

    private final int status;

    public DicomWebException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The first few hundred characters of an error body, on one line: enough to tell the cause, never a flood. */
    static String excerpt(InputStream body) throws IOException {
        String text = new String(body.readNBytes(400), StandardCharsets.UTF_8);
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
