package org.yaraguard.audit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox when no repository is configured (nothing is kept or counted), or when its configuration cannot work
 * (every message is counted as dropped, and the state says why).
 */
final class DisabledOutbox implements AuditOutbox {

    private final AuditOutboxState state;
    private final AtomicLong dropped = new AtomicLong();

    DisabledOutbox(AuditOutboxState state) {
        this.state = state;
    }

    @Override
    public void submit(byte[] auditMessageXml) {
        if (state.configured()) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public AuditOutboxState state() {
        return new AuditOutboxState(state.configured(), false, 0, 0, 0, 0, dropped.get(), null, state.lastError());
    }

    @Override
    public void close() {
    }
}
