package org.yaraguard.engine.dicom;

/** The few DICOM tags the inspector acts on, as (group << 16 | element). */
final class Tags {

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    static final int ITEM_GROUP = 0xFFFE;

    static final int FILE_META_GROUP_LENGTH = 0x00020000;
    static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int FILE_META_GROUP = 0x0002;

    static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int STUDY_DATE = 0x00080020;
    static final int ACCESSION_NUMBER = 0x00080050;
    static final int MODALITY = 0x00080060;
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    static final int MIME_TYPE_OF_ENCAPSULATED_DOCUMENT = 0x00420012;
    static final int PIXEL_DATA = 0x7FE00010;
    static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    static final int WAVEFORM_DATA = 0x54001010;
    static final int SPECTROSCOPY_DATA = 0x56000020;
    static final int FIRST_ORDER_PHASE_CORRECTION_ANGLE = 0x56000010;
    static final int TRAILING_PADDING = 0xFFFCFFFC;
    /** Overlay Data (60xx,3000) for the even groups 6000 to 601E, with the group's low bits masked. */
    static final int OVERLAY_DATA = 0x60003000;
    private static final int OVERLAY_GROUP_MASK = 0xFFE1FFFF;

    private Tags() {
    }

    static int group(int tag) {
        return tag >>> 16;
    }

    static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    /** Standard values the dictionary gives a binary VR (OB, OW, OF, OD): fragments when of undefined length. */
    static boolean isStandardBulk(int tag) {
        return switch (tag) {
            case PIXEL_DATA, FLOAT_PIXEL_DATA, DOUBLE_FLOAT_PIXEL_DATA, ENCAPSULATED_DOCUMENT, WAVEFORM_DATA,
                    SPECTROSCOPY_DATA, FIRST_ORDER_PHASE_CORRECTION_ANGLE, TRAILING_PADDING -> true;
            default -> (tag & OVERLAY_GROUP_MASK) == OVERLAY_DATA;
        };
    }

    /** "(gggg,eeee)" for anomaly details. */
    static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
