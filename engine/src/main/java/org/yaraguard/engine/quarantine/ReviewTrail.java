package org.yaraguard.engine.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The review trail of a sidecar ({@code review}), bounded: the latest {@value #KEPT} events, and in
 * {@code reviewOmitted} how many older ones were dropped (the findings log keeps every one of them), so that
 * viewing an entry again and again cannot grow its sidecar without end.
 */
public final class ReviewTrail {

    /** How many review events a sidecar keeps. */
    public static final int KEPT = 100;
    public static final String FIELD = "review";
    public static final String OMITTED = "reviewOmitted";

    private ReviewTrail() {
    }

    /** Appends {@code event} to the sidecar's trail, dropping the oldest events beyond {@link #KEPT}. */
    public static void append(ObjectNode sidecar, JsonNode event) {
        JsonNode existing = sidecar.get(FIELD);
        ArrayNode trail = existing instanceof ArrayNode array ? array : sidecar.putArray(FIELD);
        trail.add(event);
        long dropped = 0;
        while (trail.size() > KEPT) {
            trail.remove(0);
            dropped++;
        }
        if (dropped > 0 || sidecar.has(OMITTED)) {
            sidecar.put(OMITTED, omitted(sidecar) + dropped);
        }
    }

    /** Carries the trail of an earlier sidecar of the same object over to its new sidecar. */
    static void carryOver(ObjectNode earlier, ObjectNode fresh) {
        JsonNode trail = earlier.get(FIELD);
        if (trail instanceof ArrayNode array && !array.isEmpty()) {
            fresh.set(FIELD, array);
        }
        if (omitted(earlier) > 0) {
            fresh.put(OMITTED, omitted(earlier));
        }
    }

    /** How many older events the sidecar's trail dropped. */
    public static long omitted(JsonNode sidecar) {
        JsonNode n = sidecar.get(OMITTED);
        return n != null && n.canConvertToLong() ? Math.max(0, n.asLong()) : 0;
    }
}
