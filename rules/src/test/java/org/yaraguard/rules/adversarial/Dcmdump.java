package org.yaraguard.rules.adversarial;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** DCMTK's dcmdump as the judge of validity: it reads an object the way it arrives, or says why it cannot. */
final class Dcmdump {

    private static final long TIMEOUT_SECONDS = 120;
    private static final Map<String, String> SYNTAX_OPTIONS = Map.of(
            Encoding.EXPLICIT_LE.uid(), "-te", Encoding.IMPLICIT_LE.uid(), "-ti", Encoding.EXPLICIT_BE.uid(), "-tb");

    /**
     * What dcmdump said about one object.
     *
     * @param exitCode its exit code
     * @param errors   its "E:" and "F:" lines
     */
    record Result(int exitCode, List<String> errors) {

        boolean valid() {
            return exitCode == 0 && errors.isEmpty();
        }
    }

    private Dcmdump() {
    }

    /**
     * Part-10 files are read with dcmdump's defaults (not {@code +fo}, which refuses a transfer syntax it does not
     * know although the default reading detects the dataset's); bare datasets as datasets in their transfer syntax.
     */
    static Result read(AdversarialObject object) throws IOException {
        List<String> command = new ArrayList<>(List.of("dcmdump"));
        if (!object.arrival().part10()) {
            String option = SYNTAX_OPTIONS.get(object.arrival().transferSyntaxHint());
            if (option == null) {
                throw new IllegalArgumentException("no dcmdump option for " + object.arrival());
            }
            command.addAll(List.of("-f", option));
        }
        command.add(object.file().toString());
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String log;
        try (InputStream stderr = process.getErrorStream()) {
            log = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("dcmdump did not finish within " + TIMEOUT_SECONDS + " s: " + object.name());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> errors = log.lines().filter(l -> l.startsWith("E:") || l.startsWith("F:")).toList();
        return new Result(process.exitValue(), errors);
    }
}
