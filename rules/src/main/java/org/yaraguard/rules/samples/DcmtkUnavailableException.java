package org.yaraguard.rules.samples;

import java.io.IOException;

/** A DCMTK command-line tool needed to build samples is not installed. */
public final class DcmtkUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public DcmtkUnavailableException(String tool, Throwable cause) {
        super("DCMTK tool '" + tool + "' is not available: install DCMTK (Debian/Ubuntu: apt-get install dcmtk)",
                cause);
    }
}
