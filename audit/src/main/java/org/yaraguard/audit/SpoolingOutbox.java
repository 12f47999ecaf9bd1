package org.yaraguard.audit;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.yaraguard.audit.spool.AuditSpool;
import org.yaraguard.audit.syslog.SyslogTransport;

/**
 * The outbox of a configured repository: {@link #submit} writes the message into the spool folder on the caller's
 * thread (one small file, no fsync: a few tens of microseconds, and the message survives a crash of the server) and
 * wakes the {@link SpoolSender} thread, which does all network work.
 */
final class SpoolingOutbox implements AuditOutbox {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    private static final long DROP_LOG_MILLIS = 60_000;

    private final AuditSpool spool;
    private final Clock clock;
    private final DeliveryTally tally = new DeliveryTally();
    private final SpoolSender sender;
    private final Thread thread;
    private final AtomicReference<Instant> lastDropLog = new AtomicReference<>(Instant.EPOCH);

    SpoolingOutbox(AuditSpool spool, SyslogTransport transport, String repository, Clock clock) {
        this.spool = spool;
        this.clock = clock;
        try {
            tally.recount(spool.waiting());
        } catch (IOException e) {
            tally.failed("cannot read the audit spool " + spool.dir() + ": " + e);
        }
        this.sender = new SpoolSender(spool, transport, repository, tally, clock);
        this.thread = new Thread(sender, "yara-guard-audit-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void submit(byte[] auditMessageXml) {
        try {
            Instant now = clock.instant();
            if (spool.write(auditMessageXml, now, tally.spoolBytes())) {
                tally.spooled(auditMessageXml.length);
                sender.wake();
            } else {
                dropped("the spool " + spool.dir() + " holds its maximum of " + spool.maxBytes() + " bytes", now);
            }
        } catch (IOException | RuntimeException e) {
            dropped("it could not be spooled in " + spool.dir() + ": " + e, clock.instant());
        }
    }

    /** Counts a lost message; logs at most once a minute, with the count so far. */
    private void dropped(String why, Instant now) {
        long count = tally.dropped();
        Instant last = lastDropLog.get();
        if (now.toEpochMilli() - last.toEpochMilli() >= DROP_LOG_MILLIS && lastDropLog.compareAndSet(last, now)) {
            LOG.log(Level.ERROR, "YARA Guard dropped an audit message: {0} ({1} dropped since start)", why, count);
        }
    }

    @Override
    public AuditOutboxState state() {
        return tally.state();
    }

    @Override
    public void close() {
        sender.stop();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
