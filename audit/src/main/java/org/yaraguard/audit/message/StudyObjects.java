package org.yaraguard.audit.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The study and patient participant objects of PS3.15 A.5.2 for one DICOM object, with the details YARA Guard adds
 * to the study. Without a Study Instance UID the details go to the object identified by its SHA-256 or, failing that,
 * by its quarantine entry: whatever is known is sent.
 */
final class StudyObjects {

    private StudyObjects() {
    }

    static List<ParticipantObject> of(ObjectIds ids, String sha256, String quarantineId,
            List<ParticipantObject.Detail> details, AuditIdentity identity) {
        List<ParticipantObject> objects = new ArrayList<>(2);
        if (present(ids.studyInstanceUid())) {
            List<String> instances = present(ids.sopInstanceUid()) ? List.of(ids.sopInstanceUid()) : List.of();
            boolean described = present(ids.accessionNumber()) || present(ids.sopClassUid()) || !instances.isEmpty();
            objects.add(new ParticipantObject(ids.studyInstanceUid(), "2", "3", Code.STUDY_INSTANCE_UID, null,
                    details, described ? new ParticipantObject.DicomDescription(
                            present(ids.accessionNumber()) ? ids.accessionNumber() : null,
                            present(ids.sopClassUid()) ? ids.sopClassUid() : null, instances) : null));
        } else if (present(sha256)) {
            objects.add(new ParticipantObject(sha256, "2", "3", GuardCode.OBJECT_SHA256.code(), null, details, null));
        } else if (present(quarantineId)) {
            objects.add(new ParticipantObject(quarantineId, "2", "3", GuardCode.QUARANTINE_ENTRY.code(), null,
                    details, null));
        }
        if (present(ids.patientId())) {
            String name = identity.patientNames() && present(ids.patientName()) ? ids.patientName() : null;
            objects.add(new ParticipantObject(ids.patientId(), "1", "1", Code.PATIENT_NUMBER, name, List.of(),
                    null));
        }
        return objects;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
