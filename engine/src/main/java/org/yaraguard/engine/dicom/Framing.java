package org.yaraguard.engine.dicom;

/**
 * How an object arrived, which decides whether it can carry a Part-10 preamble. Decided by the entry point, never by
 * the bytes: a C-STORE dataset whose bytes 128–131 happen to read "DICM" is still a bare dataset to the archive.
 */
public enum Framing {
    /** A Part-10 file (STOW-RS {@code application/dicom} part, import, release): preamble and file meta expected. */
    PART10,
    /** A bare dataset (C-STORE, or a dataset the hook encoded itself): never a preamble. */
    BARE,
    /** Unknown (a file on the command line): Part-10 when bytes 128–131 read "DICM", else a bare dataset. */
    DETECT
}
