package org.yaraguard.hunt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.yaraguard.review.hunt.HuntSummary;

/** Builds {@code summary.json} from a checkpoint's identity, the counts so far and the tally of hits. */
final class HuntSummaries {

    /** Stored objects never show the preamble as sent: say so wherever the counts are read. */
    static final String ZEROED_PREAMBLE = "Objects in the archive's storage carry the archive's own zeroed preamble "
            + "(dcm4chee-arc writes a fresh one when it stores an object): rules on the 128-byte preamble "
            + "(PE/ELF polyglots, CVE-2019-11687) cannot fire here. The preamble as sent was judged only at ingest.";

    private HuntSummaries() {
    }

    static HuntSummary of(Checkpoint identity, Counts counts, HitTally tally, long failuresLeftOut,
                          Instant finishedAt) {
        List<String> notes = new ArrayList<>();
        notes.add(ZEROED_PREAMBLE);
        if (counts.notDicom() > 0) {
            notes.add(counts.notDicom() + " files in the sources are not Part-10 DICOM and were not judged.");
        }
        if (counts.older() > 0) {
            notes.add(counts.older() + " objects have a StudyDate before " + identity.since()
                    + " and were not judged.");
        }
        if (failuresLeftOut > 0) {
            notes.add(failuresLeftOut + " more failures were counted but not listed.");
        }
        if (finishedAt == null) {
            notes.add("The hunt has not finished: the counts grow while it runs, and a killed hunt resumes from its "
                    + "checkpoint when run again with the same --report folder.");
        }
        return new HuntSummary(identity.huntId(), Instant.parse(identity.startedAt()), finishedAt,
                identity.rulesetId(), identity.rulesDir(), identity.sources(), identity.shard(), identity.since(),
                counts.clean() + tally.hits(), counts.bytes(), counts.clean(), tally.hits(), counts.trouble(),
                counts.unreadable(), counts.notDicom(), tally.byStudy().size(), tally.patients(), tally.byRule(),
                tally.byStudy(), identity.failures(), notes);
    }
}
