package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/**
 * A part of an object worth scanning on its own.
 *
 * @param name   "preamble", "encapsulated_document", "private_value", "trailing_data" or "inflated_dataset"
 * @param bytes  read-only zero-copy slice of the input, or for "inflated_dataset" a read-only direct buffer
 * @param offset offset of the first byte in the object, or -1 when the bytes are derived (inflated)
 * @param tag    DICOM tag (group in the high 16 bits) the value belongs to, or -1
 */
public record Region(String name, ByteBuffer bytes, long offset, int tag) {

    public static final String PREAMBLE = "preamble";
    public static final String ENCAPSULATED_DOCUMENT = "encapsulated_document";
    public static final String PRIVATE_VALUE = "private_value";
    public static final String TRAILING_DATA = "trailing_data";
    public static final String INFLATED_DATASET = "inflated_dataset";
}
