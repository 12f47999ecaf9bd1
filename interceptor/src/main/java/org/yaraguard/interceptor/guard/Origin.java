package org.yaraguard.interceptor.guard;

/**
 * Where one object came from, as the archive's store session tells it (never read from the object).
 *
 * @param source         c-store, stow-rs, stow-rs-metadata or import
 * @param transferSyntax the transfer syntax of a bare dataset (C-STORE), or null
 */
public record Origin(String source, String callingAet, String calledAet, String remoteHost, String transferSyntax) {
}
