package org.yaraguard.audit.message;

/** The DICOM identifiers of one object an audit message names; each is null when unknown (e.g. an unreadable object). */
public record ObjectIds(String studyInstanceUid, String sopClassUid, String sopInstanceUid, String accessionNumber,
        String patientId, String patientName) {

    /** Nothing known. */
    public static ObjectIds unknown() {
        return new ObjectIds(null, null, null, null, null, null);
    }
}
