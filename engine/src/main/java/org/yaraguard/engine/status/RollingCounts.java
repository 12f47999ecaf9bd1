package org.yaraguard.engine.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of judged objects over the last 24 hours in 96 quarter-hour buckets: memory stays bounded however many
 * objects arrive (at most {@link #MAX_RULES_PER_BUCKET} rules are told apart per bucket; hits of further rules still
 * count by action). Safe for the store's many threads; each update is a few map increments under one lock.
 */
public final class RollingCounts {

    static final Duration BUCKET = Duration.ofMinutes(15);
    static final int BUCKETS = 96;
    /** Buckets in the last hour, for the health check's "trouble in the last hour". */
    static final int HOUR = 4;
    public static final int MAX_RULES_SHOWN = 50;
    static final int MAX_RULES_PER_BUCKET = 1000;

    private final Bucket[] buckets = new Bucket[BUCKETS];

    /** Counts one judged object. */
    public synchronized void count(Instant at, String action, String outcome, Collection<String> rules,
            String trouble) {
        Bucket bucket = bucketAt(index(at));
        bucket.objects++;
        bucket.byAction.merge(action, 1L, Long::sum);
        bucket.byOutcome.merge(outcome, 1L, Long::sum);
        if (trouble != null) {
            bucket.trouble.merge(trouble, 1L, Long::sum);
        }
        for (String rule : rules) {
            if (bucket.byRule.containsKey(rule) || bucket.byRule.size() < MAX_RULES_PER_BUCKET) {
                bucket.byRule.merge(rule, 1L, Long::sum);
            }
        }
    }

    /** The counts of the 24 hours up to {@code now}, none before {@code countingSince}. */
    public synchronized GuardStatus.Counts snapshot(Instant now, Instant countingSince) {
        long newest = index(now);
        long objects = 0;
        long troubleLastHour = 0;
        Map<String, Long> byAction = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> trouble = new TreeMap<>();
        Map<String, Long> byRule = new HashMap<>();
        for (Bucket bucket : buckets) {
            if (bucket == null || bucket.index <= newest - BUCKETS || bucket.index > newest) {
                continue;
            }
            objects += bucket.objects;
            bucket.byAction.forEach((k, v) -> byAction.merge(k, v, Long::sum));
            bucket.byOutcome.forEach((k, v) -> byOutcome.merge(k, v, Long::sum));
            bucket.trouble.forEach((k, v) -> trouble.merge(k, v, Long::sum));
            bucket.byRule.forEach((k, v) -> byRule.merge(k, v, Long::sum));
            if (bucket.index > newest - HOUR) {
                troubleLastHour += bucket.trouble.values().stream().mapToLong(Long::longValue).sum();
            }
        }
        List<GuardStatus.RuleHits> top = byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_RULES_SHOWN).map(e -> new GuardStatus.RuleHits(e.getKey(), e.getValue())).toList();
        Instant windowStart = Instant.ofEpochMilli((newest - BUCKETS + 1) * BUCKET.toMillis());
        Instant since = countingSince.isAfter(windowStart) ? countingSince : windowStart;
        return new GuardStatus.Counts(since.toString(), objects, byAction, byOutcome, top, byRule.size() - top.size(),
                trouble, troubleLastHour);
    }

    private Bucket bucketAt(long index) {
        int slot = (int) Math.floorMod(index, (long) BUCKETS);
        Bucket bucket = buckets[slot];
        // A clock stepping back counts into the newer bucket rather than wiping it.
        if (bucket == null || bucket.index < index) {
            bucket = new Bucket(index);
            buckets[slot] = bucket;
        }
        return bucket;
    }

    private static long index(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), BUCKET.toMillis());
    }

    /** One quarter hour's counts. */
    private static final class Bucket {
        final long index;
        long objects;
        final Map<String, Long> byAction = new HashMap<>();
        final Map<String, Long> byOutcome = new HashMap<>();
        final Map<String, Long> trouble = new HashMap<>();
        final Map<String, Long> byRule = new HashMap<>();

        Bucket(long index) {
            this.index = index;
        }
    }
}
