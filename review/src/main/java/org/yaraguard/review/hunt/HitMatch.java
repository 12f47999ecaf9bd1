package org.yaraguard.review.hunt;

import java.util.List;

/**
 * One rule that matched a hunted object, as a line of {@code hits.jsonl} carries it.
 *
 * @param region  the kind of region the rule matched in (e.g. "preamble", "pdf", "file")
 * @param action  the action the policy resolved for this rule ("reject", "tag", "log")
 * @param offsets offsets of the first few matches, counted from the start of the object (or of a derived region)
 */
public record HitMatch(String rule, String namespace, String region, String action, List<Long> offsets) {

    public HitMatch {
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }
}
