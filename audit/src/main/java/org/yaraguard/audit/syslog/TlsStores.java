package org.yaraguard.audit.syslog;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The key material of the TLS connection to the repository. With neither store given, the JVM's own
 * ({@code javax.net.ssl.trustStore}, how WildFly passes the server's trust store) is used. A trust store given here
 * replaces the JVM's; a key store (PKCS12 or JKS) gives the client certificate ATNA's mutual TLS asks for.
 *
 * @param trustStore         trusted certificates, or null for the JVM's
 * @param trustStorePassword its password, or null
 * @param keyStore           the client key and certificate, or null for none
 * @param keyStorePassword   its password (also the key's), or null
 */
public record TlsStores(Path trustStore, String trustStorePassword, Path keyStore, String keyStorePassword) {

    /** The JVM's trust store, no client certificate. */
    public static TlsStores jvmDefault() {
        return new TlsStores(null, null, null, null);
    }

    /** The TLS context built from these stores; throws when a store cannot be read (wrong path or password). */
    public SSLContext context() throws GeneralSecurityException, IOException {
        if (trustStore == null && keyStore == null) {
            return SSLContext.getDefault();
        }
        TrustManagerFactory trust = null;
        if (trustStore != null) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(KeyStore.getInstance(trustStore.toFile(), chars(trustStorePassword)));
        }
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(KeyStore.getInstance(keyStore.toFile(), chars(keyStorePassword)), chars(keyStorePassword));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        // A null manager means the JDK's default: the JVM's trust store, or no client certificate.
        context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                null);
        return context;
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    /** Never shows the passwords. */
    @Override
    public String toString() {
        return "TlsStores[trustStore=" + (trustStore == null ? "JVM default" : trustStore) + ", keyStore="
                + (keyStore == null ? "none" : keyStore) + "]";
    }
}
