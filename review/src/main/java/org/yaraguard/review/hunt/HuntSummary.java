package org.yaraguard.review.hunt;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: the counts of one hunt and the studies it found affected. Rewritten while the hunt runs
 * ({@code finishedAt} null until it ends), so a reader sees the progress of a running hunt.
 *
 * @param rulesetId        the rule set's id (content hash), the same as in the findings log
 * @param sources          "storage:ROOT" for each storage root, "dicomweb:BASE" for the archive over DICOMweb
 * @param shard            "i/n", "1/1" when not sharded
 * @param since            the lowest StudyDate hunted (yyyyMMdd), or null for all
 * @param objects          objects judged (clean + hits; not-DICOM, unreadable and older than since are not judged)
 * @param bytes            bytes of the judged objects
 * @param trouble          objects whose scan gave no full answer (they may also be hits)
 * @param unreadable       objects that could not be read (listed in failures)
 * @param notDicom         files in the storage folders that are not DICOM, skipped (a name added to the brief's list)
 * @param byRule           rule name → hits it took part in
 * @param failures         bounded list of objects the hunt could not judge or act on
 * @param notes            things a reader must know to read the counts (e.g. stored objects' zeroed preamble)
 */
public record HuntSummary(String huntId, Instant startedAt, Instant finishedAt, String rulesetId, String rulesDir,
                          List<String> sources, String shard, String since, long objects, long bytes, long clean,
                          long hits, long trouble, long unreadable, long notDicom, long studiesAffected,
                          long patientsAffected, Map<String, Long> byRule, List<AffectedStudy> byStudy,
                          List<HuntFailure> failures, List<String> notes) {

    public HuntSummary {
        sources = sources == null ? List.of() : List.copyOf(sources);
        byRule = byRule == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
        byStudy = byStudy == null ? List.of() : List.copyOf(byStudy);
        failures = failures == null ? List.of() : List.copyOf(failures);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** True while the hunt that writes this summary has not ended (or was killed before it could say so). */
    public boolean running() {
        return finishedAt == null;
    }
}
