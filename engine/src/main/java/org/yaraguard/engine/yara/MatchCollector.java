package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The scan callback of one native scanner: records the {@code YR_RULE*} of every reported rule, with the offsets of
 * a matching rule's strings when a {@link MatchLayout} was probed, and counts the strings libyara gave up on. One instance per scanner, created once and held by it (a callback reachable only from native
 * code is collected by the GC and its reports are then lost); reused across scans, so a scan allocates no callback.
 */
final class MatchCollector implements LibYara.ScanCallback {

    private static final long[] NO_OFFSETS = new long[0];

    private final MatchLayout layout;
    private long[] rules = new long[8];
    /** Read inside the callback: libyara's match lists are only certain while it reports the rule. */
    private long[][] offsets = new long[8][];
    private int count;
    private int saturatedStrings;
    private IntConsumer observer;

    /** {@code layout} null: no offsets are read. */
    MatchCollector(MatchLayout layout) {
        this.layout = layout;
    }

    /** Forgets the previous scan's reports. */
    void reset() {
        count = 0;
        saturatedStrings = 0;
    }

    int count() {
        return count;
    }

    long rule(int index) {
        return rules[index];
    }

    /** The sorted match offsets of the rule reported at {@code index}; empty when not read. */
    long[] offsets(int index) {
        return offsets[index];
    }

    /** Strings that reached libyara's match limit in the last scan: rules using them may have missed their target. */
    int saturatedStrings() {
        return saturatedStrings;
    }

    /** Also hands every message to {@code observer}, on the scanning thread while libyara is inside the scan. */
    void observe(IntConsumer observer) {
        this.observer = observer;
    }

    /**
     * Records RULE_MATCHING, and RULE_NOT_MATCHING when the scanner's flags ask libyara to report it. On
     * TOO_MANY_MATCHES, CONTINUE makes libyara 4.2+ drop only that string and scan on (probed on 4.2.3: a string
     * after the saturated one is still found), so the other rules' reports still arrive for the partial answer.
     */
    @Override
    public int invoke(Pointer context, int message, Pointer messageData, Pointer userData) {
        if (observer != null) {
            observer.accept(message);
        }
        if (message == LibYara.CALLBACK_MSG_RULE_MATCHING || message == LibYara.CALLBACK_MSG_RULE_NOT_MATCHING) {
            if (count == rules.length) {
                rules = Arrays.copyOf(rules, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count] = layout != null && message == LibYara.CALLBACK_MSG_RULE_MATCHING
                    ? layout.offsets(context, messageData) : NO_OFFSETS;
            rules[count++] = Pointer.nativeValue(messageData);
        } else if (message == LibYara.CALLBACK_MSG_TOO_MANY_MATCHES) {
            saturatedStrings++;
        }
        return LibYara.CALLBACK_CONTINUE;
    }
}
