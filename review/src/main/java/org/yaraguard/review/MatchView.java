package org.yaraguard.review;

import java.util.List;
import java.util.Map;

/** One rule match as recorded in a sidecar or a findings-log verdict line. */
public record MatchView(String rule, String namespace, List<String> tags, Map<String, Object> meta, String region,
        List<Long> offsets, String action) {

    /** Defensive copies; absent lists and maps become empty. */
    public MatchView {
        tags = tags == null ? List.of() : List.copyOf(tags);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }
}
