package org.yaraguard.hunt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaraguard.review.hunt.HuntFailure;

/**
 * Objects finish out of order on many threads; the ledger commits them in list order, so that the position it
 * reports (the low-water mark) has every object before it done, and its counts match that position exactly. Holds
 * only the objects in flight. Thread-safe.
 */
final class Ledger {

    /** The summary lists at most this many failures; the counts keep the rest. */
    static final int MAX_FAILURES = 1000;

    /** One finished object's contribution; {@code failure} may be null. */
    record Outcome(Counts counts, HuntFailure failure) {
    }

    private final Map<Long, Position> registered = new HashMap<>();
    private final Map<Long, Outcome> finished = new HashMap<>();
    private final List<HuntFailure> failures;
    private long nextSeq;
    private long nextCommit;
    private Position position;
    private Counts committed;
    private Counts live;
    private long failuresLeftOut;

    Ledger(Position position, Counts committed, List<HuntFailure> failures) {
        this.position = position;
        this.committed = committed;
        this.live = committed;
        this.failures = new ArrayList<>(failures);
    }

    /** Numbers the next object handed to a thread, in list order. */
    synchronized long register(Position of) {
        registered.put(nextSeq, of);
        return nextSeq++;
    }

    synchronized void finish(long seq, Outcome outcome) {
        finished.put(seq, outcome);
        live = live.plus(outcome.counts());
        Outcome next;
        while ((next = finished.remove(nextCommit)) != null) {
            committed = committed.plus(next.counts());
            if (next.failure() != null) {
                if (failures.size() < MAX_FAILURES) {
                    failures.add(next.failure());
                } else {
                    failuresLeftOut++;
                }
            }
            position = registered.remove(nextCommit);
            nextCommit++;
        }
    }

    /** Every object before the position is done, counts and failures are theirs. */
    synchronized Committed committed() {
        return new Committed(position, committed, List.copyOf(failures), failuresLeftOut);
    }

    /** Counts including objects finished past the position (what the progress bar shows). */
    synchronized Counts live() {
        return live;
    }

    record Committed(Position position, Counts counts, List<HuntFailure> failures, long failuresLeftOut) {
    }
}
