package org.yaraguard.review;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The entries of one study, grouped by series; studies and series are ordered by their newest entry. */
public record StudyGroup(String studyUid, List<SeriesGroup> series) {

    private static final Comparator<ReviewEntry> NEWEST_FIRST = Comparator.comparing(ReviewEntry::receivedAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ReviewEntry::id);

    /** Defensive copy. */
    public StudyGroup {
        series = List.copyOf(series);
    }

    /** Groups entries by study, then series. */
    public static List<StudyGroup> group(List<ReviewEntry> entries) {
        Map<String, Map<String, List<ReviewEntry>>> byStudy = entries.stream().sorted(NEWEST_FIRST)
                .collect(Collectors.groupingBy(ReviewEntry::study, LinkedHashMap::new,
                        Collectors.groupingBy(ReviewEntry::series, LinkedHashMap::new, Collectors.toList())));
        return byStudy.entrySet().stream()
                .map(study -> new StudyGroup(study.getKey(), study.getValue().entrySet().stream()
                        .map(series -> new SeriesGroup(series.getKey(), series.getValue())).toList()))
                .toList();
    }

    /** All entries of the study. */
    public List<ReviewEntry> entries() {
        return series.stream().flatMap(s -> s.entries().stream()).toList();
    }

    /** Receive time of the newest entry, or null when none is known. */
    public Instant newest() {
        return entries().stream().map(ReviewEntry::receivedAt).filter(t -> t != null)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
