package org.yaraguard.hunt;

import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.Rejection;

/**
 * What the hunt does with each hit once it is reported: nothing (a dry run, the default) or a rejection through the
 * archive's IOCM service.
 *
 * <p>Contract. Called from many threads at once: implementations are thread-safe. A failure for one instance is
 * answered as {@link Rejection#FAILED} (with the archive's status and message), never thrown; a RuntimeException that
 * escapes anyway is recorded by the hunt as a failed rejection and the hunt goes on. Acting twice on the same
 * instance (a resumed hunt) must be harmless: an instance already rejected answers {@link Rejection#ALREADY_REJECTED}.
 */
@FunctionalInterface
public interface HitAction {

    Rejection act(HuntHit hit);

    /** True when this action changes the archive (and so is recorded in the findings log). */
    default boolean acts() {
        return true;
    }

    /** The default: report only, with what would have been done (e.g. "would reject 113037^DCM"). */
    static HitAction dryRun(String wouldDo) {
        return new HitAction() {
            @Override
            public Rejection act(HuntHit hit) {
                return Rejection.dryRun(wouldDo);
            }

            @Override
            public boolean acts() {
                return false;
            }
        };
    }
}
