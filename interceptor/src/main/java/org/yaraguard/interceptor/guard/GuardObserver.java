package org.yaraguard.interceptor.guard;

import java.util.List;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.rules.RuleSetListener;
import org.yaraguard.engine.yara.CompileError;

/**
 * Follows what the hook does — every judged object, every rule set that goes live or is refused — so that audit,
 * metrics and status can be added without the hook knowing them. Called on the store's thread: an observer must
 * not block or throw (a throw is logged and ignored; it never changes a ruling).
 */
public interface GuardObserver extends RuleSetListener, AutoCloseable {

    /**
     * One object judged.
     *
     * @param ruling      what the hook does with it; {@link Ruling#quarantineId()} names the entry when it was kept
     * @param origin      where it came from, as the archive's session tells it
     * @param judgeNanos  time spent judging it (scan, quarantine, findings), for metrics
     */
    default void judged(Ruling ruling, Origin origin, long judgeNanos) {
    }

    @Override
    default void loaded(RuleSet ruleSet) {
    }

    @Override
    default void refused(String folderId, List<CompileError> errors) {
    }

    /** The deployment goes: stop background work. */
    @Override
    default void close() {
    }
}
