package org.yaraguard.audit;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import org.yaraguard.audit.spool.AuditSpool;
import org.yaraguard.audit.syslog.SyslogTarget;
import org.yaraguard.audit.syslog.SyslogTransport;
import org.yaraguard.audit.syslog.TlsStores;
import org.yaraguard.audit.syslog.TlsTransport;
import org.yaraguard.audit.syslog.UdpTransport;

/**
 * Where and how audit messages go: the repository ({@code tls://host:port}, {@code udp://host:port}, or blank for
 * none), the spool folder and its cap, and the TLS key material.
 */
public record AuditDelivery(String repository, Path spoolDir, long spoolMaxBytes, TlsStores tls) {

    private static final Logger LOG = System.getLogger("org.yaraguard");

    /**
     * Starts delivery: the outbox and its sender thread. Never throws: a configuration that cannot work is logged as
     * an error and gives an outbox that keeps nothing and says why in its state.
     */
    public AuditOutbox start(Clock clock) {
        if (repository == null || repository.isBlank()) {
            return new DisabledOutbox(AuditOutboxState.notConfigured());
        }
        try {
            SyslogTarget target = SyslogTarget.parse(repository);
            SyslogTransport transport = target.transport() == SyslogTarget.Transport.UDP ? new UdpTransport(target)
                    : new TlsTransport(target, tls.context().getSocketFactory());
            AuditOutbox outbox = new SpoolingOutbox(new AuditSpool(spoolDir, spoolMaxBytes), transport,
                    target.toString(), clock);
            LOG.log(Level.INFO, "YARA Guard sends audit messages to {0} through the spool {1} (at most {2} bytes)",
                    target, spoolDir, spoolMaxBytes);
            return outbox;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return broken(e.toString());
        }
    }

    /**
     * The outbox of a repository configured so that it cannot work (a wrong setting, an unreadable key store):
     * logged as an error; every message is counted as dropped and the state says why.
     */
    public static AuditOutbox broken(String problem) {
        String why = "audit delivery is OFF, every audit message is dropped: " + problem;
        LOG.log(Level.ERROR, "YARA Guard {0}", why);
        return new DisabledOutbox(new AuditOutboxState(true, false, 0, 0, 0, 0, 0, null, why));
    }
}
