package org.yaraguard.audit.message;

/**
 * One coded value of an audit message (PS3.15 A.5.1 CodedValueType): code, coding scheme and code meaning.
 *
 * @param code    the code value ({@code csd-code})
 * @param scheme  the coding scheme designator ({@code codeSystemName}), e.g. DCM
 * @param meaning the code meaning ({@code originalText})
 */
public record Code(String code, String scheme, String meaning) {

    /** The DICOM Controlled Terminology scheme. */
    public static final String DCM = "DCM";

    /** A code of DICOM's own scheme (PS3.16 DCM). */
    public static Code dcm(String code, String meaning) {
        return new Code(code, DCM, meaning);
    }

    public static final Code SECURITY_ALERT = dcm("110113", "Security Alert");
    public static final Code SECURITY_CONFIGURATION = dcm("110129", "Security Configuration");
    public static final Code USE_OF_RESTRICTED_FUNCTION = dcm("110132", "Use of Restricted Function");
    public static final Code APPLICATION = dcm("110150", "Application");
    public static final Code DESTINATION_ROLE = dcm("110152", "Destination Role ID");
    public static final Code SOURCE_ROLE = dcm("110153", "Source Role ID");
    public static final Code STUDY_INSTANCE_UID = dcm("110180", "Study Instance UID");
    /** RFC 3881 ParticipantObjectIDTypeCode 2, as PS3.15 A.5.2 uses it for the patient. */
    public static final Code PATIENT_NUMBER = new Code("2", "RFC-3881", "Patient Number");
}
