package org.yaraguard.cli.quarantine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaraguard.review.ReviewEntry;
import org.yaraguard.review.StudyGroup;

/** The JSON shape of {@code list --json}: studies, each with series, each with entries (sidecar field names). */
final class EntryJsonView {

    private EntryJsonView() {
    }

    static List<Map<String, Object>> studies(List<StudyGroup> studies) {
        return studies.stream().map(s -> {
            Map<String, Object> study = new LinkedHashMap<>();
            study.put("studyInstanceUid", s.studyUid());
            study.put("series", s.series().stream().map(series -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seriesInstanceUid", series.seriesUid());
                m.put("entries", series.entries().stream().map(EntryJsonView::entry).toList());
                return m;
            }).toList());
            return study;
        }).toList();
    }

    static Map<String, Object> entry(ReviewEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("status", e.status());
        m.put("receivedAt", e.receivedAt() == null ? null : e.receivedAt().toString());
        m.put("source", e.source());
        m.put("callingAet", e.callingAet());
        m.put("calledAet", e.calledAet());
        m.put("remoteHost", e.remoteHost());
        m.put("mode", e.mode());
        m.put("action", e.action());
        m.put("rulesetId", e.rulesetId());
        m.put("bytes", e.bytes());
        m.put("part10", e.part10());
        m.put("trouble", e.trouble());
        m.put("attributes", e.attributes());
        m.put("matches", e.matches());
        m.put("anomalies", e.anomalies());
        m.put("review", e.review().stream().map(r -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", r.event());
            event.put("user", r.user());
            event.put("at", r.at() == null ? null : r.at().toString());
            event.put("reason", r.reason());
            return event;
        }).toList());
        return m;
    }
}
