package org.yaraguard.audit.message;

import java.util.List;

/**
 * An object the event was about: the study, the patient, the rule set, the quarantine entry.
 *
 * @param typeCode ParticipantObjectTypeCode (1 person, 2 system object …)
 * @param role     ParticipantObjectTypeCodeRole (1 patient, 3 report, 13 security resource …)
 * @param name     ParticipantObjectName, or null (a patient's name only when configured)
 * @param dicom    the DICOM description (accession, SOP class and instances), or null
 */
public record ParticipantObject(String id, String typeCode, String role, Code idType, String name,
        List<Detail> details, DicomDescription dicom) {

    public ParticipantObject {
        details = List.copyOf(details);
    }

    /** One ParticipantObjectDetail: a type and a value, written base64-encoded as the schema requires. */
    public record Detail(String type, String value) {
    }

    /**
     * ParticipantObjectDescription of a study: its accession number (or null) and one SOP class with its instance.
     */
    public record DicomDescription(String accession, String sopClassUid, List<String> instanceUids) {

        public DicomDescription {
            instanceUids = List.copyOf(instanceUids);
        }
    }
}
