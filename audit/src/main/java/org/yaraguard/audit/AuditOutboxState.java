package org.yaraguard.audit;

import java.time.Instant;

/**
 * How audit delivery stands.
 *
 * @param configured  whether an Audit Record Repository is configured at all
 * @param reachable   whether the last attempt to send reached it
 * @param spoolDepth  messages waiting on disk
 * @param spoolBytes  bytes waiting on disk
 * @param sent        messages delivered since start
 * @param spooled     messages taken into the spool since start
 * @param dropped     messages lost since start because the spool was full or could not be written (each logged)
 * @param lastSentAt  when a message was last delivered, or null
 * @param lastError   the last delivery failure, or null
 */
public record AuditOutboxState(boolean configured, boolean reachable, long spoolDepth, long spoolBytes, long sent,
        long spooled, long dropped, Instant lastSentAt, String lastError) {

    /** No repository configured: nothing is spooled or sent. */
    public static AuditOutboxState notConfigured() {
        return new AuditOutboxState(false, false, 0, 0, 0, 0, 0, null, null);
    }
}
