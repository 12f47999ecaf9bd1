package org.yaraguard.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.yaraguard.audit.spool.AuditSpool;
import org.yaraguard.audit.syslog.SyslogTransport;

/**
 * The outbox of a configured repository: {@link #submit} hands the message to a bounded in-memory queue (tens of
 * nanoseconds, never a disk or network wait on the storing thread) and wakes the {@link SpoolSender} thread, which
 * writes it to the spool folder at once and does all network work. Measured (SubmitCostBench): writing the spool file
 * on the caller's thread instead cost 0.1–3 ms a message on a busy host, the queue 30–200 ns.
 */
final class SpoolingOutbox implements AuditOutbox {

    /** Messages waiting in memory for the sender thread to spool them; more are dropped (and counted). */
    static final int QUEUE_MESSAGES = 1_000;

    private final Clock clock;
    private final DeliveryTally tally = new DeliveryTally();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_MESSAGES);
    private final SpoolSender sender;
    private final Thread thread;

    SpoolingOutbox(AuditSpool spool, SyslogTransport transport, String repository, Clock clock) {
        this.clock = clock;
        try {
            tally.recount(spool.waiting());
        } catch (IOException e) {
            tally.failed("cannot read the audit spool " + spool.dir() + ": " + e);
        }
        this.sender = new SpoolSender(spool, queue, transport, repository, tally, clock);
        this.thread = new Thread(sender, "yara-guard-audit-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void submit(byte[] auditMessageXml) {
        try {
            if (queue.offer(new Pending(auditMessageXml, clock.instant()))) {
                sender.wake();
            } else {
                tally.dropped("the " + QUEUE_MESSAGES + " messages waiting to be spooled fill the queue (the spool"
                        + " folder cannot keep up)", clock.instant());
            }
        } catch (RuntimeException e) {
            tally.dropped("it could not be queued: " + e, clock.instant());
        }
    }

    @Override
    public AuditOutboxState state() {
        return tally.state();
    }

    /** Stops the sender; what is queued is spooled first (a send under way is waited for at most 5 s). */
    @Override
    public void close() {
        sender.stop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
