package org.yaraguard.engine.findings;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A copy of each written findings line for a SIEM's syslog collector: one UDP datagram, RFC 5424, facility local0,
 * app name {@code yara-guard}, msgid {@code findings}, the JSON line as message. The file stays the record; a copy
 * that cannot be sent is logged as a warning and changes nothing else.
 */
public final class SyslogCopy {

    /** {@code host:port} of the collector; unset or blank: no copy. */
    public static final String TARGET = "yara-guard.findings.syslog";

    private static final Logger LOG = System.getLogger(SyslogCopy.class.getName());
    private static final int LOCAL0 = 16;
    private static final int WARNING = 4;
    private static final int NOTICE = 5;
    /** What one UDP datagram can carry over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final InetSocketAddress collector;
    private final String hostname;

    private SyslogCopy(InetSocketAddress collector, String hostname) {
        this.collector = collector;
        this.hostname = hostname;
    }

    /** The copy to {@code host:port}, or null for none (null or blank). */
    public static SyslogCopy parse(String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        String value = target.strip();
        int colon = value.lastIndexOf(':');
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(value.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(TARGET + " must be host:port (a UDP syslog collector)");
        }
        String host = value.substring(0, colon).replaceAll("^\\[|]$", "");
        return new SyslogCopy(InetSocketAddress.createUnresolved(host, port), localHostname());
    }

    /** The copy the system properties ask for; a bad value is logged and no copy is sent. */
    public static SyslogCopy fromSystemProperties() {
        try {
            return parse(System.getProperty(TARGET));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "YARA Guard findings syslog copy is off: {0}", e.getMessage());
            return null;
        }
    }

    /** Sends one findings line: a verdict at severity warning, a review action at notice. */
    void send(String event, String line, Instant at) {
        int priority = LOCAL0 * 8 + ("verdict".equals(event) ? WARNING : NOTICE);
        byte[] message = ("<" + priority + ">1 " + at + " " + hostname + " yara-guard - findings - " + line)
                .getBytes(StandardCharsets.UTF_8);
        if (message.length > MAX_DATAGRAM) {
            LOG.log(Level.WARNING, "YARA Guard findings line of {0} bytes too long for a syslog datagram; it is in "
                    + "the findings log only", message.length);
            return;
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress resolved = new InetSocketAddress(collector.getHostString(), collector.getPort());
            socket.send(new DatagramPacket(message, message.length, resolved));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "YARA Guard could not send a findings line to syslog {0}: {1}", collector,
                    e.toString());
        }
    }

    private static String localHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() || name.contains(" ") ? "-" : name;
        } catch (IOException e) {
            return "-";
        }
    }
}
