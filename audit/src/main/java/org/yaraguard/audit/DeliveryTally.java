package org.yaraguard.audit;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.yaraguard.audit.spool.SpoolFile;

/** The counts behind {@link AuditOutboxState}, written by the submitting threads and the sender thread. */
final class DeliveryTally {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    private static final long DROP_LOG_MILLIS = 60_000;

    private final AtomicLong spoolDepth = new AtomicLong();
    private final AtomicLong spoolBytes = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean reachable;
    private volatile Instant lastSentAt;
    private volatile String lastError;
    private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE);

    long spoolBytes() {
        return spoolBytes.get();
    }

    long spoolDepth() {
        return spoolDepth.get();
    }

    boolean reachable() {
        return reachable;
    }

    void spooled(long bytes) {
        spooled.incrementAndGet();
        spoolDepth.incrementAndGet();
        spoolBytes.addAndGet(bytes);
    }

    /** Counts a lost message; logs at most once a minute, with the count so far. */
    void dropped(String why, Instant now) {
        long count = dropped.incrementAndGet();
        long last = lastDropLog.get();
        long millis = now.toEpochMilli();
        if ((last == Long.MIN_VALUE || millis - last >= DROP_LOG_MILLIS) && lastDropLog.compareAndSet(last, millis)) {
            LOG.log(Level.ERROR, "YARA Guard dropped an audit message: {0} ({1} dropped since start)", why, count);
        }
    }

    /** A spooled message left the spool without being delivered (it never can be). */
    void discarded(long bytes) {
        dropped.incrementAndGet();
        spoolDepth.decrementAndGet();
        spoolBytes.addAndGet(-bytes);
    }

    void sent(long bytes, Instant at) {
        sent.incrementAndGet();
        spoolDepth.decrementAndGet();
        spoolBytes.addAndGet(-bytes);
        lastSentAt = at;
        reachable = true;
    }

    /** A message delivered from memory, never spooled. */
    void sentDirect(Instant at) {
        sent.incrementAndGet();
        lastSentAt = at;
        reachable = true;
    }

    void failed(String why) {
        lastError = why;
        reachable = false;
    }

    /** The folder as listed: also counts what other processes dropped in. */
    void recount(List<SpoolFile> waiting) {
        spoolDepth.set(waiting.size());
        spoolBytes.set(waiting.stream().mapToLong(SpoolFile::size).sum());
    }

    AuditOutboxState state() {
        return new AuditOutboxState(true, reachable, spoolDepth.get(), spoolBytes.get(), sent.get(), spooled.get(),
                dropped.get(), lastSentAt, lastError);
    }
}
