package org.yaraguard.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;

/** A throw-away CA and a server certificate (for localhost), made with openssl at test time, never committed. */
public record TestPki(Path caCert, Path serverCert, Path serverKey, Path trustStore) {

    public static final String PASSWORD = "changeit";

    /** Makes a CA named {@code name}, a server certificate it signed, and a PKCS12 trust store holding the CA. */
    public static TestPki make(Path dir, String name)
            throws IOException, InterruptedException, GeneralSecurityException {
        return make(dir, name, "DNS:localhost,IP:127.0.0.1");
    }

    /** As {@link #make(Path, String)}, the server certificate naming {@code subjectAltNames}. */
    public static TestPki make(Path dir, String name, String subjectAltNames)
            throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path caKey = dir.resolve(name + "-ca.key");
        Path ca = dir.resolve(name + "-ca.pem");
        Path key = dir.resolve(name + "-server.key");
        Path csr = dir.resolve(name + "-server.csr");
        Path cert = dir.resolve(name + "-server.pem");
        Path ext = dir.resolve(name + "-ext.cnf");
        Files.writeString(ext, "subjectAltName=" + subjectAltNames + "\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
                ca.toString(), "-days", "2", "-subj", "/CN=" + name + " test CA");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                csr.toString(), "-subj", "/CN=localhost");
        run(dir, "openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path trust = dir.resolve(name + "-trust.p12");
        try (OutputStream out = Files.newOutputStream(trust)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return new TestPki(ca, cert, key, trust);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
