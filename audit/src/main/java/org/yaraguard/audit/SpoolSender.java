package org.yaraguard.audit;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import org.yaraguard.audit.spool.AuditSpool;
import org.yaraguard.audit.spool.SpoolFile;
import org.yaraguard.audit.syslog.MessageTooLargeException;
import org.yaraguard.audit.syslog.SyslogFrame;
import org.yaraguard.audit.syslog.SyslogTransport;

/**
 * The one background thread of delivery. While the repository takes messages and nothing waits on disk, a submitted
 * message goes straight out (no file: writing, reading and deleting one per message cost ingest a quarter of its pace
 * when every object was refused, bench/hook.sh audit-outage); otherwise it is written into the spool folder at once
 * (also while the repository is away), and the folder is emptied into the repository, oldest first, each file deleted
 * once sent. When the repository cannot be reached the files stay and sending is tried again after 1 s, doubling to
 * 60 s; every second it also looks at the folder for what other processes dropped in.
 */
final class SpoolSender implements Runnable {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    static final long FIRST_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final long POLL_MILLIS = 1_000;
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    private final AuditSpool spool;
    private final Queue<Pending> queue;
    private final SyslogTransport transport;
    private final String repository;
    private final DeliveryTally tally;
    private final Clock clock;
    private final Object signal = new Object();
    private boolean work;
    private boolean warned;
    private volatile boolean running = true;

    SpoolSender(AuditSpool spool, Queue<Pending> queue, SyslogTransport transport, String repository,
            DeliveryTally tally, Clock clock) {
        this.spool = spool;
        this.queue = queue;
        this.transport = transport;
        this.repository = repository;
        this.tally = tally;
        this.clock = clock;
    }

    /** A message was queued: spool it now. */
    void wake() {
        synchronized (signal) {
            work = true;
            signal.notifyAll();
        }
    }

    void stop() {
        running = false;
        wake();
    }

    @Override
    public void run() {
        String hostname = hostname();
        long backoff = FIRST_BACKOFF_MILLIS;
        long retryAt = 0;
        try {
            while (running) {
                spoolQueued(hostname);
                long now = System.nanoTime() / 1_000_000;
                if (now >= retryAt) {
                    if (sendWaiting(hostname)) {
                        backoff = FIRST_BACKOFF_MILLIS;
                        retryAt = 0;
                    } else {
                        retryAt = now + backoff;
                        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                    }
                }
                awaitWork(retryAt == 0 ? POLL_MILLIS : Math.max(1, Math.min(POLL_MILLIS, retryAt - now)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            spoolQueued(hostname);
            transport.close();
        }
    }

    /**
     * Sends every queued message straight out while that keeps their order (nothing older waits on disk and the
     * repository took the last one); writes the others into the spool folder, dropping one that does not fit under
     * the cap.
     */
    private void spoolQueued(String hostname) {
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            if (running && tally.reachable() && tally.spoolDepth() == 0 && sentNow(pending, hostname)) {
                continue;
            }
            try {
                if (spool.write(pending.xml(), pending.at(), tally.spoolBytes())) {
                    tally.spooled(pending.xml().length);
                } else {
                    tally.dropped("the spool " + spool.dir() + " holds its maximum of " + spool.maxBytes()
                            + " bytes", clock.instant());
                }
            } catch (IOException | RuntimeException e) {
                tally.dropped("it could not be spooled in " + spool.dir() + ": " + e, clock.instant());
            }
        }
    }

    /** Sends one message from memory; false when it must be spooled instead (the repository just went away). */
    private boolean sentNow(Pending pending, String hostname) {
        try {
            transport.send(SyslogFrame.of(pending.xml(), pending.at(), hostname, PID));
            tally.sentDirect(clock.instant());
            return true;
        } catch (MessageTooLargeException e) {
            tally.dropped(e.getMessage(), clock.instant()); // it never can be sent: spooling it would not help
            return true;
        } catch (IOException | RuntimeException e) {
            transport.close();
            failed("cannot send to " + repository + ": " + e);
            return false;
        }
    }

    /** Sends what waits, oldest first; returns false when sending failed (the rest stays spooled). */
    private boolean sendWaiting(String hostname) {
        List<SpoolFile> waiting;
        try {
            waiting = spool.waiting();
        } catch (IOException | RuntimeException e) {
            return failed("cannot read the audit spool " + spool.dir() + ": " + e);
        }
        tally.recount(waiting);
        for (SpoolFile file : waiting) {
            if (!running) {
                return true;
            }
            spoolQueued(hostname); // a long backlog never keeps new messages in memory
            try {
                byte[] message = SyslogFrame.of(spool.read(file), file.spooledAt(), hostname,
                        Long.toString(file.pid()));
                transport.send(message);
                spool.delete(file);
                tally.sent(file.size(), clock.instant());
                if (warned) {
                    warned = false;
                    LOG.log(Level.INFO, "YARA Guard audit messages reach {0} again", repository);
                }
            } catch (NoSuchFileException e) {
                // deleted meanwhile by someone else: nothing to send
            } catch (MessageTooLargeException e) {
                discard(file, e.getMessage());
            } catch (IOException | RuntimeException e) {
                transport.close();
                return failed("cannot send to " + repository + ": " + e);
            }
        }
        return true;
    }

    private void discard(SpoolFile file, String why) {
        try {
            spool.delete(file);
            tally.discarded(file.size());
            LOG.log(Level.ERROR, "YARA Guard dropped audit message {0}: {1}", file.path().getFileName(), why);
        } catch (IOException e) {
            failed("cannot delete " + file.path() + ": " + e);
        }
    }

    private boolean failed(String why) {
        tally.failed(why);
        if (!warned) {
            warned = true; // once per outage: the state's lastError keeps the latest reason
            LOG.log(Level.WARNING, "YARA Guard audit messages stay spooled in {0}: {1}", spool.dir(), why);
        }
        return false;
    }

    private void awaitWork(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!work && running) {
                signal.wait(millis);
            }
            work = false;
        }
    }

    /** RFC 5424 HOSTNAME: the FQDN where known (looked up here, on the sender thread, never on the caller's). */
    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }
}
