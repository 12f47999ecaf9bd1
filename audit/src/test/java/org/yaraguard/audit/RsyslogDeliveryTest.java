package org.yaraguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.syslog.SyslogFrame;
import org.yaraguard.audit.syslog.TlsStores;

/** Delivery to a real rsyslogd over TLS and UDP: messages arrive byte-identical, once, in order, after outages too. */
class RsyslogDeliveryTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static Rsyslog rsyslog;

    @BeforeAll
    static void startReceiver() throws Exception {
        pki = TestPki.make(tmp.resolve("pki"), "good");
        rsyslog = Rsyslog.start(tmp.resolve("rsyslog"), pki);
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Test
    void onceTheRepositoryTakesMessagesAndNothingWaitsTheyGoStraightOutWithoutASpoolFile() throws Exception {
        try (AuditOutbox outbox = delivery("tls://localhost:" + rsyslog.tlsPort(), "direct", tlsTrusting()).start(
                Clock.systemUTC())) {
            outbox.submit(message("direct-0", "0"));
            await(() -> outbox.state().sent() == 1, "the first sent: " + outbox.state());
            for (int i = 1; i <= 5; i++) {
                outbox.submit(message("direct-" + i, "4"));
            }
            await(() -> outbox.state().sent() == 6, "6 sent: " + outbox.state());
            assertThat(outbox.state().spooled()).as("only the first, sent before the repository was known to answer")
                    .isEqualTo(1);
        }
        List<ReceivedFrame> frames = awaitReceived("direct-", 6);
        for (int i = 0; i < 6; i++) {
            assertThat(new String(frames.get(i).msg(), StandardCharsets.UTF_8)).contains("direct-" + i);
        }
    }

    @Test
    void udpMessagesArriveByteIdentical() throws Exception {
        List<byte[]> messages = List.of(message("udp-1", "0"), message("udp-2 ünïcödé\nsecond line", "4"),
                message("udp-3", "8"));
        try (AuditOutbox outbox = delivery("udp://127.0.0.1:" + rsyslog.udpPort(), "udp", tlsTrusting()).start(
                Clock.systemUTC())) {
            messages.forEach(outbox::submit);
            await(() -> outbox.state().sent() == 3, "3 sent: " + outbox.state());
            assertThat(outbox.state().spoolDepth()).isZero();
        }
        List<ReceivedFrame> frames = awaitReceived("udp-", 3);
        for (int i = 0; i < 3; i++) {
            assertThat(frames.get(i).msg()).isEqualTo(messages.get(i));
            assertThat(frames.get(i).appName()).isEqualTo("yara-guard");
            assertThat(frames.get(i).msgId()).isEqualTo("IHE+RFC-3881");
            assertThat(frames.get(i).procId()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(frames.get(i).bom()).isTrue();
        }
        // authpriv (10) × 8 + notice 5 / warning 4 / error 3, from each message's EventOutcomeIndicator
        assertThat(frames).extracting(ReceivedFrame::pri).containsExactly(85, 84, 83);
    }

    @Test
    void udpNeverTruncatesAMessageOverTheDatagramLimit() throws Exception {
        byte[] large = message("udp-large" + "x".repeat(70_000), "0");
        try (AuditOutbox outbox = delivery("udp://127.0.0.1:" + rsyslog.udpPort(), "udplarge", tlsTrusting())
                .start(Clock.systemUTC())) {
            outbox.submit(large);
            outbox.submit(message("udp-after-large", "0"));
            await(() -> outbox.state().sent() == 1 && outbox.state().dropped() == 1, "one sent, one dropped: "
                    + outbox.state());
            assertThat(outbox.state().spoolDepth()).isZero();
        }
        awaitReceived("udp-after-large", 1);
        assertThat(receivedWith("udp-large")).isEmpty();
    }

    @Test
    void tlsMessagesArriveByteIdenticalInOrder() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(message("tls-" + i + " ✓\r\n<with markup/>", "0"));
        }
        try (AuditOutbox outbox = delivery("tls://localhost:" + rsyslog.tlsPort(), "tls", tlsTrusting())
                .start(Clock.systemUTC())) {
            messages.forEach(outbox::submit);
            await(() -> outbox.state().sent() == 5, "5 sent: " + outbox.state());
            assertThat(outbox.state().reachable()).isTrue();
            assertThat(outbox.state().spoolDepth()).isZero();
        }
        List<ReceivedFrame> frames = awaitReceived("tls-", 5);
        assertThat(frames).extracting(ReceivedFrame::msg).containsExactlyElementsOf(messages);
    }

    @Test
    void anOutageLosesNothingAndRepeatsNothing() throws Exception {
        try (AuditOutbox outbox = delivery("tls://127.0.0.1:" + rsyslog.tlsPort(), "outage", tlsTrusting())
                .start(Clock.systemUTC())) {
            outbox.submit(message("outage-before", "0"));
            // Syslog has no acknowledgement: what rsyslogd has not yet written when it stops is lost by the receiver.
            awaitReceived("outage-before", 1);
            rsyslog.stop();
            int during = 30;
            for (int i = 0; i < during; i++) {
                outbox.submit(message("outage-during-" + i, "0"));
            }
            await(() -> outbox.state().spooled() == 1 + during && outbox.state().lastError() != null,
                    "all spooled, and the sender notices the outage: " + outbox.state());
            assertThat(outbox.state().reachable()).isFalse();
            assertThat(outbox.state().spoolDepth()).isEqualTo(during);
            rsyslog.start();
            await(() -> outbox.state().spoolDepth() == 0, "the spool drains: " + outbox.state());
            assertThat(outbox.state().sent()).isEqualTo(1 + during);
            assertThat(outbox.state().dropped()).isZero();
        }
        List<String> arrived = awaitReceived("outage-", 31).stream().map(f -> text(f.msg())).toList();
        List<String> expected = new ArrayList<>();
        expected.add(text(message("outage-before", "0")));
        for (int i = 0; i < 30; i++) {
            expected.add(text(message("outage-during-" + i, "0")));
        }
        assertThat(arrived).containsExactlyElementsOf(expected);
    }

    @Test
    void anUntrustedServerCertificateSendsNothingAndSaysWhy() throws Exception {
        TestPki other = TestPki.make(tmp.resolve("pki-other"), "other");
        try (AuditOutbox outbox = delivery("tls://localhost:" + rsyslog.tlsPort(), "untrusted",
                new TlsStores(other.trustStore(), TestPki.PASSWORD, null, null)).start(Clock.systemUTC())) {
            outbox.submit(message("untrusted-1", "0"));
            await(() -> outbox.state().lastError() != null, "a failure: " + outbox.state());
            assertThat(outbox.state().lastError()).containsIgnoringCase("certification path");
            assertThat(outbox.state().sent()).isZero();
            assertThat(outbox.state().spoolDepth()).isEqualTo(1);
            assertThat(outbox.state().reachable()).isFalse();
        }
        assertThat(Files.list(tmp.resolve("spool-untrusted")).filter(p -> p.toString().endsWith(".xml"))).hasSize(1);
        assertThat(receivedWith("untrusted-")).isEmpty();
    }

    @Test
    void aServerCertificateForAnotherNameSendsNothing() throws Exception {
        TestPki nameOnly = TestPki.make(tmp.resolve("pki-name-only"), "nameonly", "DNS:localhost");
        try (Rsyslog other = Rsyslog.start(tmp.resolve("rsyslog-name-only"), nameOnly);
                AuditOutbox outbox = delivery("tls://127.0.0.1:" + other.tlsPort(), "wrongname",
                        new TlsStores(nameOnly.trustStore(), TestPki.PASSWORD, null, null)).start(Clock.systemUTC())) {
            outbox.submit(message("wrong-name-1", "0"));
            await(() -> outbox.state().lastError() != null, "a failure: " + outbox.state());
            assertThat(outbox.state().lastError()).contains("127.0.0.1");
            assertThat(outbox.state().sent()).isZero();
            assertThat(outbox.state().spoolDepth()).isEqualTo(1);
            assertThat(other.received()).isEmpty();
        }
    }

    private static AuditDelivery delivery(String repository, String name, TlsStores tls) {
        return new AuditDelivery(repository, tmp.resolve("spool-" + name), 1 << 20, tls);
    }

    private static TlsStores tlsTrusting() {
        return new TlsStores(pki.trustStore(), TestPki.PASSWORD, null, null);
    }

    /** An audit-message-like XML document carrying a marker and an outcome; the bytes must arrive unchanged. */
    static byte[] message(String marker, String outcome) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AuditMessage><EventIdentification EventActionCode=\"E\""
                + " EventOutcomeIndicator=\"" + outcome + "\"/><Marker>" + marker + "</Marker></AuditMessage>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<ReceivedFrame> receivedWith(String marker) throws IOException {
        return rsyslog.received().stream().map(ReceivedFrame::parse)
                .filter(f -> text(f.msg()).contains("<Marker>" + marker)).toList();
    }

    private static List<ReceivedFrame> awaitReceived(String marker, int count) throws Exception {
        await(() -> {
            try {
                return receivedWith(marker).size() >= count;
            } catch (IOException e) {
                return false;
            }
        }, count + " received with " + marker + ", got " + rsyslog.received().stream().map(RsyslogDeliveryTest::text)
                .map(t -> t.replaceAll("(?s).*<Marker>(.*)</Marker>.*", "$1")).toList());
        Thread.sleep(300); // a duplicate would arrive right behind
        List<ReceivedFrame> frames = receivedWith(marker);
        assertThat(frames).hasSize(count);
        assertThat(frames).allSatisfy(f -> assertThat(f.appName()).isEqualTo(SyslogFrame.APP_NAME));
        return frames;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
