package org.yaraguard.engine.scan;

import java.util.List;
import java.util.Map;

/**
 * One rule that matched in one kind of region, with the action the policy resolved for it. A rule that matched in
 * many regions of the same kind (e.g. thousands of private values) is one finding with a {@code count}. Offsets are
 * those of the first few matches, counted from the start of the object (for derived regions: of their own bytes).
 *
 * @param count how many times the rule matched in regions of this kind, at least 1
 */
public record Finding(String rule, String namespace, List<String> tags, Map<String, Object> meta, String region,
                      List<Long> offsets, Action action, long count) {

    public Finding {
        tags = List.copyOf(tags);
        meta = Map.copyOf(meta);
        offsets = List.copyOf(offsets);
        if (count < 1) {
            throw new IllegalArgumentException("a finding counts at least one match: " + count);
        }
    }
}
