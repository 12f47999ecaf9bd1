package org.yaraguard.engine.yara;

import java.util.List;

/** A rule that matched a scan; offsets of string matches are not read by this binding (always empty for now). */
public record YaraMatch(YaraRuleInfo rule, List<Long> offsets) {

    public YaraMatch {
        offsets = List.copyOf(offsets);
    }
}
