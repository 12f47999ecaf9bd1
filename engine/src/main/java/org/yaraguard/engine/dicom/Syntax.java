package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;

/**
 * How a dataset is encoded on the wire.
 *
 * @param uid        transfer syntax UID (declared, hinted or detected)
 * @param explicitVr true when every element header carries its VR
 * @param bigEndian  true for numbers (tags, lengths) in big-endian order
 * @param deflated   true when the dataset is a raw deflate stream of explicit VR little endian
 */
record Syntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated) {

    static final String IMPLICIT_LE_UID = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE_UID = "1.2.840.10008.1.2.1";
    static final String EXPLICIT_BE_UID = "1.2.840.10008.1.2.2";
    static final String DEFLATED_UID = "1.2.840.10008.1.2.1.99";
    static final String JPIP_DEFLATED_UID = "1.2.840.10008.1.2.4.95";
    static final String JPIP_HTJ2K_DEFLATED_UID = "1.2.840.10008.1.2.4.205";

    static final Syntax IMPLICIT_LE = new Syntax(IMPLICIT_LE_UID, false, false, false);
    static final Syntax EXPLICIT_LE = new Syntax(EXPLICIT_LE_UID, true, false, false);
    static final Syntax EXPLICIT_BE = new Syntax(EXPLICIT_BE_UID, true, true, false);

    /**
     * Every transfer syntax we do not know by name is explicit VR little endian (all encapsulated ones are), exactly
     * as dcm4che's DicomInputStream.switchTransferSyntax reads it; the deflated ones are the three it inflates.
     */
    static Syntax forUid(String uid) {
        return switch (uid) {
            case IMPLICIT_LE_UID -> IMPLICIT_LE;
            case EXPLICIT_LE_UID -> EXPLICIT_LE;
            case EXPLICIT_BE_UID -> EXPLICIT_BE;
            case DEFLATED_UID, JPIP_DEFLATED_UID, JPIP_HTJ2K_DEFLATED_UID -> new Syntax(uid, true, false, true);
            default -> new Syntax(uid, true, false, false);
        };
    }

    /**
     * Guesses the syntax of a bare dataset from its first element header: a known VR after the tag means explicit
     * VR, and of the two byte orders the one giving the smaller group wins (datasets start with low groups).
     */
    static Syntax detect(ByteBuffer bytes, int position) {
        if (bytes.limit() - position < 6
                || !Vr.known(Vr.code(bytes.get(position + 4), bytes.get(position + 5)))) {
            return IMPLICIT_LE;
        }
        int littleGroup = (bytes.get(position) & 0xFF) | (bytes.get(position + 1) & 0xFF) << 8;
        int bigGroup = (bytes.get(position) & 0xFF) << 8 | (bytes.get(position + 1) & 0xFF);
        return bigGroup < littleGroup ? EXPLICIT_BE : EXPLICIT_LE;
    }
}
