package org.yaraguard.audit.message;

import java.util.List;

/** One DICOM Audit Message (PS3.15 A.5): the event, its active participants, the reporting source and its objects. */
public record AuditMessage(EventIdentification event, List<ActiveParticipant> participants, AuditSource source,
        List<ParticipantObject> objects) {

    public AuditMessage {
        participants = List.copyOf(participants);
        objects = List.copyOf(objects);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("an audit message names at least one active participant");
        }
    }
}
