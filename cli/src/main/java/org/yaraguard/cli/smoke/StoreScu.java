package org.yaraguard.cli.smoke;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** DCMTK's {@code storescu}, run with an argument list (never through a shell) to send one file by C-STORE. */
final class StoreScu {

    private static final long TIMEOUT_SECONDS = 180;

    private final String executable;

    /** {@code executable}: "storescu" to find it on the PATH, or a path to it. */
    StoreScu(String executable) {
        this.executable = executable;
    }

    /** Whether the tool can be started at all. */
    boolean installed() {
        try {
            return run(List.of(executable, "--version")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends {@code file} to {@code calledAet} at host:port; {@code -d} makes storescu print the DIMSE status. */
    StoreResponse send(String host, int port, String callingAet, String calledAet, Path file) throws IOException {
        return run(List.of(executable, "-d", "-aet", callingAet, "-aec", calledAet, "-to", "15", "-ta", "30",
                "-td", "120", host, Integer.toString(port), file.toString()));
    }

    private static StoreResponse run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("storescu did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storescu ran", e);
        }
        return StoreResponse.parse(process.exitValue(), output);
    }
}
