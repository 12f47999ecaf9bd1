package org.yaraguard.hunt.web;

/**
 * Bounds on a multipart/related answer, checked before the bytes are kept: the sender (the archive, or whatever
 * answers at its URL) controls the framing, so a missing boundary or endless headers must end the read, not memory.
 *
 * @param maxPreambleBytes bytes allowed before the first boundary
 * @param maxHeaderBytes   bytes of one part's header block
 * @param maxHeaders       header lines of one part
 */
public record MultipartLimits(int maxPreambleBytes, int maxHeaderBytes, int maxHeaders) {

    /** RFC 2046: a boundary is 1 to 70 characters. */
    public static final int MAX_BOUNDARY_LENGTH = 70;

    public static final MultipartLimits DEFAULT = new MultipartLimits(8 * 1024, 8 * 1024, 32);
}
