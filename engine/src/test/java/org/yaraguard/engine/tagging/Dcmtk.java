package org.yaraguard.engine.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** DCMTK's dump2dcm and dcmdump, run without a shell on files of one test folder. */
final class Dcmtk {

    private final Path folder;

    Dcmtk(Path folder) {
        this.folder = folder;
    }

    /** dump2dcm of the dump with the given options (e.g. "+ti", "+tb", "+td", "-F"). */
    Path dump2dcm(String name, String dump, String... options) throws IOException {
        Path dumpFile = folder.resolve(name + ".dump");
        Files.writeString(dumpFile, dump, StandardCharsets.ISO_8859_1);
        Path out = folder.resolve(name + ".dcm");
        List<String> command = new ArrayList<>(List.of("dump2dcm", "-q"));
        command.addAll(List.of(options));
        command.add(dumpFile.toString());
        command.add(out.toString());
        run(command);
        return out;
    }

    /** dcmdump's lines for a file (options e.g. "-f", "-ti" for a bare dataset), without the file meta. */
    List<String> dcmdump(Path file, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("dcmdump", "-E", "+L", "-M"));
        command.addAll(List.of(options));
        command.add(file.toString());
        return run(command).lines().filter(line -> !line.startsWith("(0002,")).toList();
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(command + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
