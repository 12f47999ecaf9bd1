package org.yaraguard.interceptor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.metrics.GuardMetrics;
import org.yaraguard.interceptor.status.StatusObserver;

/** The observers the deployed hook tells of every judged object and rule set: the one place they are chosen. */
final class Observers {

    private Observers() {
    }

    static List<GuardObserver> forSettings(GuardSettings settings, Clock clock) {
        List<GuardObserver> observers = new ArrayList<>();
        GuardMetrics.start(settings.quarantineDir(), null).ifPresent(observers::add);
        observers.add(StatusObserver.start(settings, clock, AuditOutboxState::notConfigured));
        return observers;
    }
}
