package org.yaraguard.review;

import java.util.List;

/** The entries of one series, newest first. */
public record SeriesGroup(String seriesUid, List<ReviewEntry> entries) {

    /** Defensive copy. */
    public SeriesGroup {
        entries = List.copyOf(entries);
    }
}
