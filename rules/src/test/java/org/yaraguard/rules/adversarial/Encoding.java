package org.yaraguard.rules.adversarial;

import java.nio.ByteOrder;

/** The three uncompressed dataset encodings, and the UIDs of the other transfer syntaxes the corpus declares. */
enum Encoding {
    IMPLICIT_LE("1.2.840.10008.1.2", false, ByteOrder.LITTLE_ENDIAN),
    EXPLICIT_LE("1.2.840.10008.1.2.1", true, ByteOrder.LITTLE_ENDIAN),
    EXPLICIT_BE("1.2.840.10008.1.2.2", true, ByteOrder.BIG_ENDIAN);

    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    private final String uid;
    private final boolean explicitVr;
    private final ByteOrder order;

    Encoding(String uid, boolean explicitVr, ByteOrder order) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.order = order;
    }

    String uid() {
        return uid;
    }

    boolean explicitVr() {
        return explicitVr;
    }

    ByteOrder order() {
        return order;
    }
}
