package org.yaraguard.audit.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Security Alert (110113) for one object YARA Guard refused, tagged or logged: the sender (Source Role ID), the
 * archive (Destination Role ID), YARA Guard as the detecting application, the study and patient, and the rules,
 * rule set, SHA-256, action and quarantine entry as ParticipantObjectDetail.
 */
public final class SecurityAlert {

    private SecurityAlert() {
    }

    public static AuditMessage of(Detection detection, AuditIdentity identity) {
        List<Code> types = new ArrayList<>(1 + detection.reasons().size());
        types.add(detection.handling().code().code());
        detection.reasons().forEach(reason -> types.add(reason.code()));
        EventIdentification event = new EventIdentification(Code.SECURITY_ALERT, types, 'C', detection.at(),
                detection.handling().outcome(), description(detection));
        List<ActiveParticipant> participants = new ArrayList<>(3);
        String sender = StudyObjects.present(detection.callingAet()) ? detection.callingAet()
                : StudyObjects.present(detection.remoteHost()) ? detection.remoteHost() : "unknown";
        participants.add(new ActiveParticipant(sender, null, null, true, detection.remoteHost(),
                List.of(Code.SOURCE_ROLE)));
        if (StudyObjects.present(detection.calledAet())) {
            participants.add(new ActiveParticipant(detection.calledAet(), null, null, false, identity.host(),
                    List.of(Code.DESTINATION_ROLE)));
        }
        participants.add(identity.process(false));
        return new AuditMessage(event, participants, identity.source(),
                StudyObjects.of(detection.object(), detection.sha256(), detection.quarantineId(), details(detection),
                        identity));
    }

    private static List<ParticipantObject.Detail> details(Detection detection) {
        List<ParticipantObject.Detail> details = new ArrayList<>();
        detection.rules().forEach(rule -> details.add(new ParticipantObject.Detail("rule", rule)));
        add(details, "ruleSetId", detection.ruleSetId());
        add(details, "sha256", detection.sha256());
        add(details, "action", detection.action());
        add(details, "handling", detection.handling().name().toLowerCase(Locale.ROOT));
        add(details, "trouble", detection.trouble());
        add(details, "source", detection.source());
        add(details, "quarantineId", detection.quarantineId());
        add(details, "sopInstanceUid", detection.object().sopInstanceUid());
        return details;
    }

    static void add(List<ParticipantObject.Detail> details, String type, String value) {
        if (StudyObjects.present(value)) {
            details.add(new ParticipantObject.Detail(type, value));
        }
    }

    /** A one-line summary for EventOutcomeDescription: no patient data. */
    private static String description(Detection detection) {
        StringBuilder text = new StringBuilder("YARA Guard: ").append(detection.handling().code().code().meaning()
                .toLowerCase(Locale.ROOT));
        if (!detection.rules().isEmpty()) {
            text.append("; rules ").append(String.join(", ", detection.rules()));
        }
        if (detection.trouble() != null) {
            text.append("; ").append(detection.trouble());
        }
        if (detection.ruleSetId() != null) {
            text.append("; rule set ").append(detection.ruleSetId());
        }
        return text.toString();
    }
}
