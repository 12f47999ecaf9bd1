package org.yaraguard.audit.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * RFC 5425: one TLS connection kept open, each message framed as {@code MSG-LEN SP SYSLOG-MSG} (octet counting), the
 * server's certificate checked against the host name (RFC 5425 §5.2; an IP address must be in its subjectAltName).
 * Syslog has no acknowledgement: a message counts as sent once written; a write that fails (the repository closed or
 * reset the connection) leaves it spooled for the next connection. What a repository had received but not yet stored
 * when it stopped is lost on its side (RFC 5425 has no way to tell).
 */
public final class TlsTransport implements SyslogTransport {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final SyslogTarget target;
    private final SSLSocketFactory factory;
    private SSLSocket socket;
    private OutputStream out;

    public TlsTransport(SyslogTarget target, SSLSocketFactory factory) {
        this.target = target;
        this.factory = factory;
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        SSLSocket s = (SSLSocket) factory.createSocket();
        try {
            SSLParameters parameters = s.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(parameters);
            s.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MILLIS);
            s.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            s.startHandshake();
            out = s.getOutputStream();
            socket = s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // The connection is dropped either way; the next send opens a new one.
            }
            socket = null;
            out = null;
        }
    }
}
