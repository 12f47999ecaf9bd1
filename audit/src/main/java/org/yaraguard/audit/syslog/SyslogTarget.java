package org.yaraguard.audit.syslog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An Audit Record Repository's syslog input: {@code tls://host:port} (RFC 5425) or {@code udp://host:port}
 * (RFC 5426).
 */
public record SyslogTarget(Transport transport, String host, int port) {

    /** How messages travel. */
    public enum Transport {
        TLS, UDP
    }

    /** Reads {@code tls://host:port} or {@code udp://host:port}; throws IllegalArgumentException saying why not. */
    public static SyslogTarget parse(String text) {
        String usage = "must be tls://host:port or udp://host:port";
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + text + "\" " + usage);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tls") && !scheme.equals("udp") || uri.getHost() == null || uri.getPort() < 1
                || uri.getPort() > 65535 || uri.getUserInfo() != null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getPath() != null && !uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" " + usage);
        }
        String host = uri.getHost().replaceAll("^\\[|]$", "");
        return new SyslogTarget(scheme.equals("tls") ? Transport.TLS : Transport.UDP, host, uri.getPort());
    }

    @Override
    public String toString() {
        return transport.name().toLowerCase(Locale.ROOT) + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port;
    }
}
