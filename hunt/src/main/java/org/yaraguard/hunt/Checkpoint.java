package org.yaraguard.hunt;

import java.util.List;
import org.yaraguard.review.hunt.HuntFailure;

/**
 * The hunt's resume state ({@code checkpoint} in the report folder), replaced atomically every few seconds. Counts and
 * failures cover exactly the objects up to {@code position}; objects after it are judged again by a resumed hunt,
 * whose hits are deduplicated against {@code hits.jsonl}.
 *
 * @param sources  the sources' descriptions, in order: a resumed hunt must hunt the same ones
 * @param startedAt  ISO-8601 UTC, as {@code finishedAt} (null until the hunt ended)
 * @param position null when no object was done yet
 */
public record Checkpoint(String huntId, String startedAt, List<String> sources, String shard, String since,
                         String rulesDir, String rulesetId, Position position, Counts counts,
                         List<HuntFailure> failures, String finishedAt) {

    public Checkpoint {
        sources = List.copyOf(sources);
        failures = List.copyOf(failures);
    }
}
