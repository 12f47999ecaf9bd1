package org.yaraguard.audit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd on loopback for the tests: a UDP input and a TLS input (gtls, server authenticated by a test CA),
 * every message written raw to a file, records separated by a marker line. Started with {@code -n -f CONF}; a missing
 * rsyslogd fails the test (CI installs rsyslog and rsyslog-gnutls), it is never skipped. Shared with it-tests
 * (test-jar).
 */
public final class Rsyslog implements AutoCloseable {

    static final String RSYSLOGD = "/usr/sbin/rsyslogd";
    private static final String END = "\n=====END=====\n";
    private static final String PROBE_APP = "readiness-probe";

    private final Path dir;
    private final Path received;
    private final int udpPort;
    private final int tlsPort;
    private Process process;

    private Rsyslog(Path dir, TestPki pki) throws IOException {
        if (!Files.isExecutable(Path.of(RSYSLOGD))) {
            throw new IllegalStateException(RSYSLOGD + " is missing: install the Debian packages rsyslog and"
                    + " rsyslog-gnutls (setup.sh and .ci/run do) — the audit delivery tests need a real receiver");
        }
        this.dir = dir;
        this.received = dir.resolve("received.log");
        this.udpPort = freeUdpPort();
        this.tlsPort = freeTcpPort();
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="%1$s/work" maxMessageSize="256k"
                       parser.escapeControlCharactersOnReceive="off" parser.dropTrailingLFOnReception="off"
                       defaultNetstreamDriver="gtls" defaultNetstreamDriverCAFile="%2$s"
                       defaultNetstreamDriverCertFile="%3$s" defaultNetstreamDriverKeyFile="%4$s")
                module(load="imudp")
                module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")
                template(name="raw" type="string" string="%%rawmsg%%%5$s")
                ruleset(name="store") {
                    action(type="omfile" file="%6$s" template="raw")
                }
                input(type="imudp" address="127.0.0.1" port="%7$d" ruleset="store")
                input(type="imtcp" address="127.0.0.1" port="%8$d" ruleset="store")
                """.formatted(dir, pki.caCert(), pki.serverCert(), pki.serverKey(), END.replace("\n", "\\n"),
                received, udpPort, tlsPort));
    }

    /** Starts rsyslogd in {@code dir} with {@code pki}'s server certificate and waits until both inputs listen. */
    public static Rsyslog start(Path dir, TestPki pki) throws IOException, InterruptedException {
        Rsyslog rsyslog = new Rsyslog(dir, pki);
        rsyslog.start();
        return rsyslog;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(RSYSLOGD, "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i",
                dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        awaitListening();
    }

    /** Stops rsyslogd (SIGTERM, as a service stop does) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    public int udpPort() {
        return udpPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** The raw syslog messages received so far, in arrival order (readiness probes left out). */
    public List<byte[]> received() throws IOException {
        List<byte[]> messages = new ArrayList<>();
        if (!Files.exists(received)) {
            return messages;
        }
        // ISO-8859-1 maps bytes to chars one to one: splitting keeps every byte as it arrived.
        String all = Files.readString(received, StandardCharsets.ISO_8859_1);
        for (String record : all.split(END, -1)) {
            if (!record.isEmpty() && !record.contains(" " + PROBE_APP + " ")) {
                messages.add(record.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return messages;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!tcpListening()) {
            check(deadline);
        }
        // UDP has no handshake: send probes until one is written, so no test message is sent before imudp listens.
        String probe = "<13>1 - - " + PROBE_APP + " - - - " + System.nanoTime();
        try (DatagramSocket socket = new DatagramSocket()) {
            while (!Files.exists(received) || !Files.readString(received, StandardCharsets.ISO_8859_1)
                    .contains(probe)) {
                byte[] bytes = probe.getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), udpPort));
                check(deadline);
            }
        }
    }

    private void check(Instant deadline) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("rsyslogd exited: " + output());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("rsyslogd did not listen within 30 s: " + output());
        }
        Thread.sleep(100);
    }

    public String output() throws IOException {
        Path out = dir.resolve("rsyslogd.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    private boolean tcpListening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
