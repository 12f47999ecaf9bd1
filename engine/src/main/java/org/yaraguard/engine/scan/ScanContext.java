package org.yaraguard.engine.scan;

import org.yaraguard.engine.dicom.Framing;

/**
 * Where an object came from, as rules and findings see it.
 *
 * @param source             how it entered: c-store, stow-rs, stow-rs-metadata, import, cli, release
 * @param callingAet         the sender's AE title, or "" when unknown
 * @param remoteHost         the sender's host, or "" when unknown
 * @param transferSyntaxHint the transfer syntax of a bare dataset (C-STORE), or null
 * @param framing            whether the bytes are a Part-10 file, a bare dataset or unknown; decided by the entry
 *                           point, never by the bytes
 */
public record ScanContext(String source, String callingAet, String remoteHost, String transferSyntaxHint,
                          Framing framing) {

    public ScanContext {
        source = source == null ? "" : source;
        callingAet = callingAet == null ? "" : callingAet;
        remoteHost = remoteHost == null ? "" : remoteHost;
        framing = framing == null ? Framing.DETECT : framing;
    }

    /** A context whose framing follows from its source (see {@link #framingOf}). */
    public ScanContext(String source, String callingAet, String remoteHost, String transferSyntaxHint) {
        this(source, callingAet, remoteHost, transferSyntaxHint, framingOf(source));
    }

    /**
     * C-STORE sends a bare dataset; STOW-RS parts, imports, releases and the Part-10 file the hook encodes from a
     * metadata store's dataset are Part-10 files; anything else (a file on the command line) is detected.
     */
    public static Framing framingOf(String source) {
        return switch (source == null ? "" : source) {
            case "c-store" -> Framing.BARE;
            case "stow-rs", "stow-rs-metadata", "import", "release" -> Framing.PART10;
            default -> Framing.DETECT;
        };
    }

    /** A file scanned from the command line. */
    public static ScanContext cli() {
        return new ScanContext("cli", "", "", null);
    }
}
