package org.yaraguard.engine.scan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaraguard.engine.yara.YaraRuleInfo;

/**
 * The findings of one scan while they are gathered, bounded as they arrive: one entry per rule × region kind with a
 * count and the first few offsets, and at most {@link #MAX_FINDINGS} entries. Once full, a new entry displaces the
 * weakest kept one only if its action is stronger, so the decisive rules always stay; what is displaced or not kept
 * is counted as omitted. The strongest action counts every match, kept or not. Not thread-safe (one per scan).
 */
final class FindingTally {

    /** Enough for any reviewer; 10,000 uncollapsed matches once made a 3.6 MB findings-log line. */
    static final int MAX_FINDINGS = 100;
    static final int MAX_OFFSETS = 8;

    private record Key(String namespace, String rule, String region) {
    }

    private static final class Entry {
        final YaraRuleInfo rule;
        final String region;
        final Action action;
        final List<Long> offsets = new ArrayList<>();
        long count;

        Entry(YaraRuleInfo rule, String region, Action action) {
            this.rule = rule;
            this.region = region;
            this.action = action;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private Action strongest = Action.CLEAN;
    private long omitted;

    /** Counts one match of {@code rule} in a region of kind {@code region}. */
    void add(YaraRuleInfo rule, String region, List<Long> offsets, Action action) {
        strongest = strongest.max(action);
        Key key = new Key(rule.namespace(), rule.identifier(), region);
        Entry entry = entries.get(key);
        if (entry == null) {
            if (entries.size() >= MAX_FINDINGS && !displaceWeakerThan(action)) {
                omitted++;
                return;
            }
            entry = new Entry(rule, region, action);
            entries.put(key, entry);
        }
        entry.count++;
        for (Iterator<Long> it = offsets.iterator(); it.hasNext() && entry.offsets.size() < MAX_OFFSETS; ) {
            entry.offsets.add(it.next());
        }
    }

    private boolean displaceWeakerThan(Action action) {
        Key weakest = null;
        Action weakestAction = action;
        for (Map.Entry<Key, Entry> kept : entries.entrySet()) {
            if (kept.getValue().action.compareTo(weakestAction) < 0) {
                weakest = kept.getKey();
                weakestAction = kept.getValue().action;
            }
        }
        if (weakest == null) {
            return false;
        }
        omitted += entries.remove(weakest).count;
        return true;
    }

    /** The strongest action of every match counted, kept or omitted. */
    Action strongest() {
        return strongest;
    }

    /** Matches counted but not kept as findings, because the bound was reached. */
    long omitted() {
        return omitted;
    }

    List<Finding> findings() {
        return entries.values().stream().map(e -> new Finding(e.rule.identifier(), e.rule.namespace(), e.rule.tags(),
                e.rule.meta(), e.region, e.offsets, e.action, e.count)).toList();
    }
}
