package org.yaraguard.engine.yara;

import java.util.List;
import java.util.Map;

/** A compiled rule: identifier, namespace, tags and meta (values are String, Long or Boolean, in source order). */
public record YaraRuleInfo(String identifier, String namespace, List<String> tags, Map<String, Object> meta) {

    public YaraRuleInfo {
        tags = List.copyOf(tags);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }
}
