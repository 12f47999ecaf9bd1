package org.yaraguard.review;

/** One inspection anomaly as recorded in a sidecar. */
public record AnomalyView(String kind, String detail, long offset) {
}
