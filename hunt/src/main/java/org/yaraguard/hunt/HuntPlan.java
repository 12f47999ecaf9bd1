package org.yaraguard.hunt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.scan.ObjectScanner;

/**
 * Everything one hunt needs. The scanner is built by the caller with the engine's usual policy and trouble actions,
 * so a hunt judges exactly as ingest does.
 *
 * @param rulesDir       the rules folder the scanner uses (reported)
 * @param rulesetId      the id of the rule set the scanner holds: a resumed hunt must use the same one
 * @param report         the report folder; a checkpoint in it makes this run resume that hunt
 * @param huntId         the id of a new hunt (a resumed hunt keeps its own)
 * @param since          lowest StudyDate hunted, yyyyMMdd, or null for all
 * @param action         what to do with each hit, or null when the hunt only reports (rejection null in the report)
 * @param findings       where acting is recorded (event "hunt-reject"), or null
 * @param reviewer       who acts, for the findings log (OS user or --reviewer)
 * @param maxObjectBytes objects larger than this are not read whole (too-large trouble, as at ingest)
 * @param spool          where objects larger than a spool memory block wait for their scan (owner-only files)
 * @param listener       hears progress every {@code progressEvery}; may be null
 */
public record HuntPlan(List<StoredObjects> sources, ObjectScanner scanner, String rulesDir, String rulesetId,
                       Path report,
                       String huntId, int threads, Throttle throttle, Shard shard, String since, HitAction action,
                       FindingsLog findings, String reviewer, long maxObjectBytes, Path spool, Clock clock,
                       Duration checkpointEvery, Duration progressEvery, HuntListener listener) {

    public HuntPlan {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a hunt needs at least one source");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        if (since != null && !since.matches("\\d{8}")) {
            throw new IllegalArgumentException("--since must be a date as yyyyMMdd or yyyy-MM-dd: " + since);
        }
    }
}
