package org.yaraguard.interceptor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.interceptor.IngestMethod;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * The objects-scanned counter of each (source, action, outcome), found by array index: the store thread neither
 * builds tags nor looks anything up by name. A counter is registered when its combination first happens, so
 * combinations that cannot happen (a clean verdict refused) never appear.
 */
final class ObjectCounters {

    static final String NAME = "yara.guard.objects.scanned";
    /** Any source the hook does not know yet: the label set stays bounded whatever happens. */
    static final String OTHER_SOURCE = "other";

    private static final String[] SOURCES = Arrays.stream(IngestMethod.values()).map(IngestMethod::source)
            .toArray(String[]::new);
    private static final Action[] ACTIONS = Action.values();
    private static final Ruling.Outcome[] OUTCOMES = Ruling.Outcome.values();

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Counter> counters =
            new AtomicReferenceArray<>((SOURCES.length + 1) * ACTIONS.length * OUTCOMES.length);

    ObjectCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The counter for one object of {@code source} judged {@code action} with {@code outcome}. */
    Counter of(String source, Action action, Ruling.Outcome outcome) {
        int sourceIndex = sourceIndex(source);
        int index = (sourceIndex * ACTIONS.length + action.ordinal()) * OUTCOMES.length + outcome.ordinal();
        Counter counter = counters.get(index);
        if (counter == null) {
            // The registry returns the same counter for the same name and tags: a race here registers it once.
            String sourceLabel = sourceIndex < SOURCES.length ? SOURCES[sourceIndex] : OTHER_SOURCE;
            counter = registry.counter(NAME, Tags.of("source", sourceLabel, "action", action.label(),
                    "outcome", outcome.name().toLowerCase(Locale.ROOT)));
            counters.set(index, counter);
        }
        return counter;
    }

    private static int sourceIndex(String source) {
        for (int i = 0; i < SOURCES.length; i++) {
            if (SOURCES[i].equals(source)) {
                return i;
            }
        }
        return SOURCES.length;
    }
}
