package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;
import java.util.Arrays;

/**
 * The scan callback of one native scanner: records the {@code YR_RULE*} of every reported rule. One instance per
 * scanner, created once and held by it (a callback reachable only from native code is collected by the GC and
 * its reports are then lost); reused across scans, so a scan allocates no callback.
 */
final class MatchCollector implements LibYara.ScanCallback {

    private long[] rules = new long[8];
    private int count;

    /** Forgets the previous scan's rules. */
    void reset() {
        count = 0;
    }

    int count() {
        return count;
    }

    long rule(int index) {
        return rules[index];
    }

    /** Records RULE_MATCHING, and RULE_NOT_MATCHING when the scanner's flags ask libyara to report it. */
    @Override
    public int invoke(Pointer context, int message, Pointer messageData, Pointer userData) {
        if (message == LibYara.CALLBACK_MSG_RULE_MATCHING || message == LibYara.CALLBACK_MSG_RULE_NOT_MATCHING) {
            if (count == rules.length) {
                rules = Arrays.copyOf(rules, count * 2);
            }
            rules[count++] = Pointer.nativeValue(messageData);
        }
        return LibYara.CALLBACK_CONTINUE;
    }
}
