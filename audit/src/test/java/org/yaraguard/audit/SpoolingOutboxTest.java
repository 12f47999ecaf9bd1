package org.yaraguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.syslog.TlsStores;

class SpoolingOutboxTest {

    @TempDir
    Path tmp;

    @Test
    void pastTheCapTheNewMessageIsDroppedAndCounted() throws Exception {
        byte[] message = RsyslogDeliveryTest.message("x".repeat(900), "0");
        long cap = 3L * message.length;
        try (AuditOutbox outbox = new AuditDelivery("tls://127.0.0.1:" + closedPort(), tmp.resolve("spool"), cap,
                TlsStores.jvmDefault()).start(Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                outbox.submit(message);
            }
            RsyslogDeliveryTest.await(() -> outbox.state().spooled() + outbox.state().dropped() == 5,
                    "all 5 spooled or dropped: " + outbox.state());
            AuditOutboxState state = outbox.state();
            assertThat(state.configured()).isTrue();
            assertThat(state.spooled()).isEqualTo(3);
            assertThat(state.dropped()).isEqualTo(2);
            assertThat(state.spoolDepth()).isEqualTo(3);
            assertThat(state.spoolBytes()).isEqualTo(cap);
            assertThat(state.sent()).isZero();
        }
    }

    @Test
    void aBurstLargerThanTheQueueIsTakenAndEveryMessageAccountedFor() throws Exception {
        int burst = 3 * SpoolingOutbox.QUEUE_MESSAGES;
        try (AuditOutbox outbox = new AuditDelivery("tls://127.0.0.1:" + closedPort(), tmp.resolve("spool"), 1L << 30,
                TlsStores.jvmDefault()).start(Clock.systemUTC())) {
            for (int i = 0; i < burst; i++) {
                outbox.submit(RsyslogDeliveryTest.message("burst-" + i, "0"));
            }
            RsyslogDeliveryTest.await(() -> outbox.state().spooled() + outbox.state().dropped() == burst,
                    "every message spooled or counted as dropped: " + outbox.state());
            assertThat(outbox.state().spoolDepth()).isEqualTo(outbox.state().spooled());
        }
    }

    @Test
    void whatIsSpooledWhenClosedIsCountedAtTheNextStart() throws Exception {
        AuditDelivery delivery = new AuditDelivery("tls://127.0.0.1:" + closedPort(), tmp.resolve("spool"), 1 << 20,
                TlsStores.jvmDefault());
        try (AuditOutbox outbox = delivery.start(Clock.systemUTC())) {
            outbox.submit(RsyslogDeliveryTest.message("a", "0"));
            outbox.submit(RsyslogDeliveryTest.message("b", "0"));
        } // close() spools what is still queued
        try (AuditOutbox outbox = delivery.start(Clock.systemUTC())) {
            assertThat(outbox.state().spoolDepth()).isEqualTo(2);
            assertThat(outbox.state().spooled()).isZero();
        }
    }

    @Test
    void noRepositoryMeansNothingIsKept() {
        try (AuditOutbox outbox = new AuditDelivery("", tmp.resolve("spool"), 1 << 20, TlsStores.jvmDefault())
                .start(Clock.systemUTC())) {
            outbox.submit(RsyslogDeliveryTest.message("a", "0"));
            assertThat(outbox.state()).isEqualTo(AuditOutboxState.notConfigured());
        }
        assertThat(tmp.resolve("spool")).doesNotExist();
    }

    @Test
    void aWrongRepositoryIsReportedAndEveryMessageCountedAsDropped() {
        try (AuditOutbox outbox = new AuditDelivery("syslog.example.org:514", tmp.resolve("spool"), 1 << 20,
                TlsStores.jvmDefault()).start(Clock.systemUTC())) {
            outbox.submit(RsyslogDeliveryTest.message("a", "0"));
            assertThat(outbox.state().configured()).isTrue();
            assertThat(outbox.state().dropped()).isEqualTo(1);
            assertThat(outbox.state().lastError()).contains("tls://host:port or udp://host:port");
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
