package org.yaraguard.review;

import java.time.Instant;

/** One review action recorded in a sidecar's review list. */
public record ReviewEvent(String event, String user, Instant at, String reason) {
}
