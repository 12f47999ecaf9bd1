package org.yaraguard.engine.yara;

import java.util.List;

/**
 * A rule that matched a scan, with the sorted offsets of its first string matches (at most
 * {@link MatchLayout#MAX_OFFSETS}; empty when libyara's match layout could not be probed).
 */
public record YaraMatch(YaraRuleInfo rule, List<Long> offsets) {

    public YaraMatch {
        offsets = List.copyOf(offsets);
    }
}
