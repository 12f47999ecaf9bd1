package org.yaraguard.cli.smoke;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.yaraguard.rules.samples.Dcmtk;
import org.yaraguard.rules.samples.ToolRun;

/** DCMTK's {@code storescu}, run with an argument list (never through a shell) to send one file by C-STORE. */
final class StoreScu {

    /** Connect 15 s + association 30 s + DIMSE 120 s, and some slack. */
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private final String executable;

    /** {@code executable}: "storescu" to find it on the PATH, or a path to it. */
    StoreScu(String executable) {
        this.executable = executable;
    }

    /** Whether the tool can be started at all. */
    boolean installed() {
        try {
            return run(List.of("--version")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends {@code file} to {@code calledAet} at host:port; {@code -d} makes storescu print the DIMSE status. */
    StoreResponse send(String host, int port, String callingAet, String calledAet, Path file) throws IOException {
        return run(List.of("-d", "-aet", callingAet, "-aec", calledAet, "-to", "15", "-ta", "30",
                "-td", "120", host, Integer.toString(port), file.toString()));
    }

    private StoreResponse run(List<String> arguments) throws IOException {
        // Run in the current folder, so relative paths mean what the user typed.
        ToolRun run = new Dcmtk(Path.of(".")).execute(executable, arguments, TIMEOUT);
        return StoreResponse.parse(run.exitCode(), run.output());
    }
}
