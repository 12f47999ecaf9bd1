package org.yaraguard.audit.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * RFC 5426: one message per datagram, fire and forget. A message over what one IPv4 datagram carries is never
 * truncated (a cut XML message is worthless to a repository): it is refused as too large.
 */
public final class UdpTransport implements SyslogTransport {

    /** The largest UDP payload over IPv4 (RFC 5426 §3.2). */
    public static final int MAX_DATAGRAM = 65_507;

    private final SyslogTarget target;
    private DatagramSocket socket;

    public UdpTransport(SyslogTarget target) {
        this.target = target;
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (message.length > MAX_DATAGRAM) {
            throw new MessageTooLargeException("a syslog message of " + message.length
                    + " bytes is over the UDP limit of " + MAX_DATAGRAM + " bytes (use tls:// for large messages)");
        }
        if (socket == null) {
            socket = new DatagramSocket();
        }
        // Resolved on every send: a repository that moves to another address is followed without a restart.
        InetSocketAddress to = new InetSocketAddress(target.host(), target.port());
        if (to.isUnresolved()) {
            throw new IOException("cannot resolve " + target.host());
        }
        socket.send(new DatagramPacket(message, message.length, to));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
