package org.yaraguard.engine.dicom;

/**
 * Something structurally wrong or suspicious seen while reading an object.
 *
 * @param kind   what was seen
 * @param detail human-readable explanation; never contains bytes of the object other than tags and numbers
 * @param offset offset in the object where it was seen, or -1 when it lies in derived (inflated) bytes
 */
public record Anomaly(Kind kind, String detail, long offset) {

    /**
     * Kinds of anomalies the inspector reports. A kind is either benign (something real modalities produce; the
     * object was still read to its end) or means the inspection is incomplete: some bytes could not be read the way
     * the archive's parser may read them, so a payload could hide there. Incomplete kinds fail closed by default.
     */
    public enum Kind {
        PREAMBLE_NOT_TIFF(false), TRAILING_DATA(false), NO_PREAMBLE(false), ZERO_PADDING(false),
        NO_TRANSFER_SYNTAX(false),
        SYNTAX_GUESSED(true), LENGTH_PAST_END(true), NESTING_TOO_DEEP(true), TOO_MANY_ELEMENTS(true),
        TOO_MANY_REGIONS(true), INFLATION_LIMIT(true), UNKNOWN_VR(true), META_LENGTH_MISMATCH(true),
        DEFLATE_AMBIGUOUS(true), PDF_NOT_DECODED(true), NO_MEMORY(true), INTERNAL_ERROR(true), MALFORMED(true);

        private final boolean incomplete;

        Kind(boolean incomplete) {
            this.incomplete = incomplete;
        }

        /** True when an anomaly of this kind means some bytes were not inspected as the archive may read them. */
        public boolean incomplete() {
            return incomplete;
        }
    }

    /** True when this anomaly means the inspection is incomplete (see {@link Kind#incomplete()}). */
    public boolean incomplete() {
        return kind.incomplete();
    }
}
