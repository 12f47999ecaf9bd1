package org.yaraguard.engine.scan;

/**
 * Where an object came from, as rules and findings see it.
 *
 * @param source             how it entered: c-store, stow-rs, stow-rs-metadata, import, cli, release
 * @param callingAet         the sender's AE title, or "" when unknown
 * @param remoteHost         the sender's host, or "" when unknown
 * @param transferSyntaxHint the transfer syntax of a bare dataset (C-STORE), or null
 */
public record ScanContext(String source, String callingAet, String remoteHost, String transferSyntaxHint) {

    public ScanContext {
        source = source == null ? "" : source;
        callingAet = callingAet == null ? "" : callingAet;
        remoteHost = remoteHost == null ? "" : remoteHost;
    }

    /** A file scanned from the command line. */
    public static ScanContext cli() {
        return new ScanContext("cli", "", "", null);
    }
}
