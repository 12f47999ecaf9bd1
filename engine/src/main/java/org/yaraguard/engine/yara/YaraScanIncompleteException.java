package org.yaraguard.engine.yara;

import java.util.List;

/**
 * A scan ran to its end but libyara stopped recording the matches of some string (too many matches): a rule may have
 * missed what it looks for, so the answer is incomplete. Carries the matches reported all the same.
 */
public final class YaraScanIncompleteException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<YaraMatch> partialMatches;

    public YaraScanIncompleteException(String message, List<YaraMatch> partialMatches) {
        super(message);
        this.partialMatches = List.copyOf(partialMatches);
    }

    /** The rules reported as matching before and after the string was given up. */
    public List<YaraMatch> partialMatches() {
        return partialMatches;
    }
}
