package org.yaraguard.interceptor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaraguard.audit.AuditDelivery;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.interceptor.audit.AuditIdentities;
import org.yaraguard.interceptor.audit.AuditObserver;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.metrics.GuardMetrics;
import org.yaraguard.interceptor.status.StatusObserver;

/** The observers the deployed hook tells of every judged object and rule set: the one place they are chosen. */
final class Observers {

    private Observers() {
    }

    static List<GuardObserver> forSettings(GuardSettings settings, Clock clock) {
        return forSettings(settings, clock, System::getProperty);
    }

    static List<GuardObserver> forSettings(GuardSettings settings, Clock clock, Function<String, String> lookup) {
        // One outbox per deployment: the audit observer submits to it, metrics and status read its state().
        AuditOutbox outbox = startOutbox(lookup, clock);
        List<GuardObserver> observers = new ArrayList<>();
        observers.add(new AuditObserver(outbox, AuditIdentities.from(lookup), clock));
        GuardMetrics.start(settings.quarantineDir(), outbox, lookup).ifPresent(observers::add);
        observers.add(StatusObserver.start(settings, clock, outbox::state));
        // Last: the observers before it may still submit while they close.
        observers.add(new GuardObserver() {
            @Override
            public void close() {
                outbox.close();
            }
        });
        return observers;
    }

    /** The audit outbox the settings ask for; wrong settings leave audit delivery off and say why (never throws). */
    static AuditOutbox startOutbox(Function<String, String> lookup, Clock clock) {
        try {
            return AuditSettings.from(lookup).start(clock);
        } catch (IllegalArgumentException e) {
            return AuditDelivery.broken(e.getMessage());
        }
    }
}
