package org.yaraguard.engine.scan;

import java.util.List;
import java.util.Map;

/**
 * One rule that matched one region, with the action the policy resolved for it. Offsets are those of the first
 * string matches, counted from the start of the object (for {@code inflated_dataset}: of the inflated bytes).
 */
public record Finding(String rule, String namespace, List<String> tags, Map<String, Object> meta, String region,
                      List<Long> offsets, Action action) {

    public Finding {
        tags = List.copyOf(tags);
        meta = Map.copyOf(meta);
        offsets = List.copyOf(offsets);
    }
}
