package org.yaraguard.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The command line's host configuration, {@code PREFIX/etc/yara-guard.properties}, which install.sh writes with the
 * server's resolved folders (the same {@code yara-guard.*} names as the server configuration, plus
 * {@code wildfly.home} and {@code server.config}). Found at {@code $YARA_GUARD_CONFIG}, else beside the running
 * jar's folder ({@code <dir of the jar>/../etc/}). Flags always win over it.
 */
public final class HostConfig {

    /** The environment variable that names the host configuration file. */
    public static final String ENV = "YARA_GUARD_CONFIG";
    /** The server configuration (standalone xml) install.sh edited. */
    public static final String SERVER_CONFIG = "server.config";
    /** The user the server runs as, when install.sh knows it. */
    public static final String SERVER_USER = "server.user";

    private HostConfig() {
    }

    /** Where the host configuration is looked for (it may not exist). */
    public static Optional<Path> location() {
        return location(System.getenv());
    }

    static Optional<Path> location(Map<String, String> env) {
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        try {
            Path jar = Path.of(YaraGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            return dir == null || dir.getParent() == null ? Optional.empty()
                    : Optional.of(dir.getParent().resolve("etc").resolve("yara-guard.properties"));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The host configuration's properties; none when there is no file. */
    public static Properties properties() {
        Optional<Path> file = location().filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return new Properties();
        }
        try {
            return read(file.get());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the host configuration " + file.get() + ": " + e.getMessage());
        }
    }

    /** Reads a properties file (UTF-8). */
    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
