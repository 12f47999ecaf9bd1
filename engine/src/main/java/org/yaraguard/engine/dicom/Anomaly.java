package org.yaraguard.engine.dicom;

/**
 * Something structurally wrong or suspicious seen while reading an object.
 *
 * @param kind   what was seen
 * @param detail human-readable explanation; never contains bytes of the object other than tags and numbers
 * @param offset offset in the object where it was seen, or -1 when it lies in derived (inflated) bytes
 */
public record Anomaly(Kind kind, String detail, long offset) {

    /** Kinds of anomalies the inspector reports. */
    public enum Kind {
        LENGTH_PAST_END, NESTING_TOO_DEEP, TOO_MANY_ELEMENTS, TRAILING_DATA, PREAMBLE_NOT_TIFF,
        INFLATION_LIMIT, MALFORMED
    }
}
