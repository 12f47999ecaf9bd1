package org.yaraguard.review;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What a reviewer asked to see; each criterion is ignored when null.
 *
 * @param study Study Instance UID, exact
 * @param since earliest receive time, inclusive
 * @param rule  rule name, exact or namespaced as {@code namespace:rule}
 */
public record EntryFilter(String study, Instant since, String rule) implements Predicate<ReviewEntry> {

    /** A filter that lets everything through. */
    public static EntryFilter all() {
        return new EntryFilter(null, null, null);
    }

    @Override
    public boolean test(ReviewEntry entry) {
        return (study == null || study.equals(entry.study()))
                && (since == null || (entry.receivedAt() != null && !entry.receivedAt().isBefore(since)))
                && (rule == null || entry.matches().stream().anyMatch(m -> rule.equals(m.rule())
                        || rule.equals(m.namespace() + ":" + m.rule())));
    }
}
