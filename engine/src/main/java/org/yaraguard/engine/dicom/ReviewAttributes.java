package org.yaraguard.engine.dicom;

/** The few top-level attributes a reviewer needs; each is null when absent. */
public record ReviewAttributes(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, String patientId, String patientName, String studyDate, String modality,
        String accessionNumber) {

    private static final ReviewAttributes EMPTY =
            new ReviewAttributes(null, null, null, null, null, null, null, null, null);

    /** All attributes absent. */
    public static ReviewAttributes empty() {
        return EMPTY;
    }
}
