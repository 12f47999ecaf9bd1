package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the inspector with Jazzer for a bounded time (system property {@code yaraguard.dicom.fuzzSeconds},
 * default {@value #DEFAULT_SECONDS}) in a forked JVM, from a fixed random seed ({@code yaraguard.dicom.fuzzSeed},
 * default {@value #DEFAULT_SEED}; 0 draws a new one) so that the suite's run is reproducible: a build never fails
 * on a finding it cannot repeat (explore with other seeds locally; keep what they find as corpus seeds). The forked
 * JVM keeps Jazzer's agent and instrumentation out of the shared test JVM. Fails on any finding (exception, broken invariant, hang) with the fuzzer's output.
 * Generated inputs and findings go to target/dicom-fuzz/.
 */
class DicomFuzzRunTest {

    private static final int DEFAULT_SECONDS = 30;
    private static final long DEFAULT_SEED = 20261125;
    /** JVM start, instrumentation and the seed run come on top of the fuzzing time. */
    private static final int GRACE_SECONDS = 240;
    private static final int OUTPUT_TAIL_CHARS = 6000;

    @Test
    void fuzzingFindsNothing() throws IOException, InterruptedException, URISyntaxException {
        int seconds = Integer.getInteger("yaraguard.dicom.fuzzSeconds", DEFAULT_SECONDS);
        Path work = Path.of(System.getProperty("basedir", "."), "target", "dicom-fuzz").toAbsolutePath();
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        URL seedUrl = DicomFuzzRunTest.class.getResource("/dicom/corpus");
        assertThat(seedUrl).as("seed corpus on the test class path").isNotNull();
        Path seeds = Path.of(seedUrl.toURI());
        Path log = work.resolve("fuzz.log");

        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:-OmitStackTraceInFastThrow",
                "-cp", System.getProperty("java.class.path"),
                DicomFuzzLauncher.class.getName(),
                work.toString(), corpus.toString(), seeds.toString(), Integer.toString(seconds),
                Long.toString(Long.getLong("yaraguard.dicom.fuzzSeed", DEFAULT_SEED))))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAZZER_FUZZ", "1");
        Process process = builder.start();

        if (!process.waitFor(seconds + GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("fuzzing did not end within %d s; output:%n%s", seconds + GRACE_SECONDS, tail(log));
        }
        assertThat(process.exitValue()).as("fuzzer exit status (the failing input is a crash-* file in %s; add it to"
                + " src/test/resources/dicom/corpus to keep it as a regression seed); output:%n%s", work, tail(log))
                .isZero();
    }

    private static String tail(Path log) throws IOException {
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        return output.length() <= OUTPUT_TAIL_CHARS ? output : output.substring(output.length() - OUTPUT_TAIL_CHARS);
    }
}
