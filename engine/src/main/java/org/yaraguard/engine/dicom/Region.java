package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/**
 * A part of an object worth scanning on its own.
 *
 * <p>Two sorts: slices of the object ("preamble", "encapsulated_document", "private_value", "trailing_data"), whose
 * bytes the whole-object scan has already seen, and derived views whose bytes are new — they appear nowhere in the
 * object as such: "inflated_dataset" (a deflated dataset inflated), "reassembled_value" (the fragments of one
 * encapsulated value joined without their item headers), "swapped_value" (a big-endian OW/OF/OL/OD/OV value
 * byte-swapped, as an archive converting to little endian writes it), "pdf_stream" (a decoded stream of an
 * encapsulated PDF).
 *
 * @param name   one of the names above
 * @param bytes  read-only zero-copy slice of the input, or for a derived view a read-only buffer of its own
 * @param offset offset of the first byte in the object, or -1 when the bytes are derived
 * @param tag    DICOM tag (group in the high 16 bits) the value belongs to, or -1
 */
public record Region(String name, ByteBuffer bytes, long offset, int tag) {

    public static final String PREAMBLE = "preamble";
    public static final String ENCAPSULATED_DOCUMENT = "encapsulated_document";
    public static final String PRIVATE_VALUE = "private_value";
    public static final String TRAILING_DATA = "trailing_data";
    public static final String INFLATED_DATASET = "inflated_dataset";
    public static final String REASSEMBLED_VALUE = "reassembled_value";
    public static final String SWAPPED_VALUE = "swapped_value";
    public static final String PDF_STREAM = "pdf_stream";

    /** True for a derived view (new bytes), false for a slice of the object. */
    public boolean derived() {
        return offset < 0;
    }
}
