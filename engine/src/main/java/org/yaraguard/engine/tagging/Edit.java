package org.yaraguard.engine.tagging;

/**
 * One change to a dataset's bytes: at offset, leave out remove bytes, then put insert.
 *
 * @param offset where the change starts, in the bytes as they were
 * @param remove how many bytes to leave out from there (whole elements)
 * @param insert bytes to put there (whole elements)
 */
record Edit(long offset, long remove, byte[] insert) {
}
