package org.yaraguard.audit.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The Security Alert (110113) with EventTypeCode Use of Restricted Function (110132) for a {@link ReviewAction}: the
 * reviewer is the requestor, YARA Guard the application; the objects are the quarantine entry and its study and
 * patient.
 */
public final class RestrictedFunction {

    private RestrictedFunction() {
    }

    public static AuditMessage of(ReviewAction action, AuditIdentity identity) {
        EventIdentification event = new EventIdentification(Code.SECURITY_ALERT,
                List.of(Code.USE_OF_RESTRICTED_FUNCTION, action.function().code()), actionCode(action.function()),
                action.at(), action.succeeded() ? Outcome.SUCCESS : Outcome.MINOR_FAILURE,
                "YARA Guard " + action.function().code().meaning().toLowerCase(java.util.Locale.ROOT) + " of "
                        + action.entryId() + " by " + action.reviewer() + (action.succeeded() ? "" : " (failed)"));
        List<ActiveParticipant> participants = List.of(
                new ActiveParticipant(action.reviewer(), null, null, true, action.reviewerHost(), List.of()),
                identity.process(false));
        List<ParticipantObject.Detail> details = new ArrayList<>();
        SecurityAlert.add(details, "sha256", action.sha256());
        SecurityAlert.add(details, "reason", action.reason());
        List<ParticipantObject> objects = new ArrayList<>();
        objects.add(new ParticipantObject(action.entryId(), "2", "3", GuardCode.QUARANTINE_ENTRY.code(), null,
                details, null));
        objects.addAll(StudyObjects.of(action.object(), null, null, List.of(), identity));
        return new AuditMessage(event, participants, identity.source(), objects);
    }

    /** Release executes a function, purge deletes, export and view read. */
    private static char actionCode(GuardCode function) {
        return switch (function) {
            case PURGE -> 'D';
            case EXPORT, VIEW -> 'R';
            default -> 'E';
        };
    }
}
