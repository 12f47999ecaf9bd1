package org.yaraguard.hunt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaraguard.review.hunt.AffectedStudy;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.Rejection;

/**
 * The hits of one hunt (those of earlier runs of it included), folded into the summary's tables and keyed for
 * deduplication: memory grows with hits and affected studies, never with the archive. Thread-safe.
 */
final class HitTally {

    private static final String UNKNOWN_STUDY = "";

    /** Source and key of each hit → how acting on it ended (null when not acted on). */
    private final Map<String, Rejection> seen = new HashMap<>();
    private final Map<String, Long> byRule = new TreeMap<>();
    private final Map<String, Study> byStudy = new TreeMap<>();
    private final Set<String> patients = new HashSet<>();

    private static final class Study {
        String patientId;
        String accessionNumber;
        String studyDate;
        long instances;
        final Set<String> rules = new TreeSet<>();
        long rejected;
        long failed;
    }

    static String identity(String source, String key) {
        return source + '\0' + key;
    }

    /** True when the hunt already reported this object (an earlier run got past it before it stopped). */
    synchronized boolean contains(String source, String key) {
        return seen.containsKey(identity(source, key));
    }

    /** How acting on an already-reported object ended, or null. */
    synchronized Rejection rejectionOf(String source, String key) {
        return seen.get(identity(source, key));
    }

    /** Adds a hit unless the object was reported already; false then (and nothing changes). */
    synchronized boolean add(HuntHit hit) {
        String id = identity(hit.source(), hit.key());
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, hit.rejection());
        for (String rule : hit.rules()) {
            byRule.merge(rule, 1L, Long::sum);
        }
        Study study = byStudy.computeIfAbsent(
                hit.studyInstanceUid() == null ? UNKNOWN_STUDY : hit.studyInstanceUid(), uid -> new Study());
        study.patientId = firstKnown(study.patientId, hit.patientId());
        study.accessionNumber = firstKnown(study.accessionNumber, hit.accessionNumber());
        study.studyDate = firstKnown(study.studyDate, hit.studyDate());
        study.instances++;
        study.rules.addAll(hit.rules());
        if (hit.rejection() != null && hit.rejection().rejected()) {
            study.rejected++;
        }
        if (hit.rejection() != null && hit.rejection().failed()) {
            study.failed++;
        }
        if (hit.patientId() != null) {
            patients.add(hit.patientId());
        }
        return true;
    }

    synchronized long hits() {
        return seen.size();
    }

    synchronized Map<String, Long> byRule() {
        return new TreeMap<>(byRule);
    }

    /** Affected studies by Study Instance UID; hits without one are grouped under a null UID. */
    synchronized List<AffectedStudy> byStudy() {
        List<AffectedStudy> studies = new ArrayList<>();
        byStudy.forEach((uid, s) -> studies.add(new AffectedStudy(uid.equals(UNKNOWN_STUDY) ? null : uid,
                s.patientId, s.accessionNumber, s.studyDate, s.instances, List.copyOf(s.rules), s.rejected, s.failed)));
        return studies;
    }

    synchronized long patients() {
        return patients.size();
    }

    private static String firstKnown(String known, String candidate) {
        return known != null ? known : candidate;
    }
}
