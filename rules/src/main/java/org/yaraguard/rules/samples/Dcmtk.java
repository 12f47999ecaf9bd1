package org.yaraguard.rules.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs DCMTK command-line tools with argument lists (never through a shell). */
public final class Dcmtk {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path workFolder;

    /** Tools run with {@code workFolder} as their current directory. */
    public Dcmtk(Path workFolder) {
        this.workFolder = workFolder;
    }

    /** Fails with a message naming the package when DCMTK is missing. */
    public void requireInstalled() throws IOException {
        run("dcmdump", List.of("--version"));
    }

    /** Runs {@code tool} with {@code arguments}; fails with the tool's output when it exits non-zero. */
    public void run(String tool, List<String> arguments) throws IOException {
        ToolRun run = execute(tool, arguments, TIMEOUT);
        if (run.exitCode() != 0) {
            throw new IOException(tool + " " + String.join(" ", arguments) + " failed with exit code "
                    + run.exitCode() + ": " + run.output().strip());
        }
    }

    /**
     * Runs {@code tool} (a name on the PATH or a path) with {@code arguments} and returns how it ended, whatever its
     * exit code; fails when it cannot be started ({@link DcmtkUnavailableException}) or outlasts {@code timeout}.
     */
    public ToolRun execute(String tool, List<String> arguments, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workFolder.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DcmtkUnavailableException(tool, e);
        }
        process.getOutputStream().close();
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(tool + " interrupted", e);
        }
        return new ToolRun(process.exitValue(), output);
    }
}
