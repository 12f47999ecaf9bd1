package org.yaraguard.audit.message;

import java.time.Instant;
import java.util.List;

/**
 * What happened, when and how it ended.
 *
 * @param action      EventActionCode: C, R, U, D or E
 * @param description EventOutcomeDescription, or null
 */
public record EventIdentification(Code eventId, List<Code> eventTypes, char action, Instant at, Outcome outcome,
        String description) {

    public EventIdentification {
        eventTypes = List.copyOf(eventTypes);
        if ("CRUDE".indexOf(action) < 0) {
            throw new IllegalArgumentException("EventActionCode is one of C, R, U, D, E: " + action);
        }
    }
}
