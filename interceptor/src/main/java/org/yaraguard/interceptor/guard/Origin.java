package org.yaraguard.interceptor.guard;

import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.scan.ScanContext;

/**
 * Where one object came from, as the archive's store session tells it (never read from the object).
 *
 * @param source         c-store, stow-rs, stow-rs-metadata or import
 * @param transferSyntax the transfer syntax of a bare dataset (C-STORE), or null
 * @param framing        what the scanned bytes are: the sender's Part-10 file, its bare dataset, or the Part-10
 *                       file the hook encoded itself from an attribute-based store
 */
public record Origin(String source, String callingAet, String calledAet, String remoteHost, String transferSyntax,
        Framing framing) {

    /** An origin whose bytes are framed as its source sends them. */
    public Origin(String source, String callingAet, String calledAet, String remoteHost, String transferSyntax) {
        this(source, callingAet, calledAet, remoteHost, transferSyntax, ScanContext.framingOf(source));
    }
}
