package org.yaraguard.rules.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Verdict;

/**
 * Real-world objects from many vendors and toolkits (Debian's python3-pydicom test files) are never rejected when
 * they arrive as they would: Part-10 files over STOW-RS, files without file meta over C-STORE with the transfer
 * syntax DCMTK detects for them. Files that dcmdump itself cannot read (the truncated ones, no_meta.dcm) are left out.
 */
class PydicomCorpusTest {

    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final Pattern DETECTED = Pattern.compile("DcmDataset::read\\(\\) TransferSyntax=\"([^\"]+)\"");
    private static final Map<String, Encoding> DCMTK_SYNTAX_NAMES = Map.of(
            "Little Endian Implicit", Encoding.IMPLICIT_LE,
            "Little Endian Explicit", Encoding.EXPLICIT_LE,
            "Big Endian Explicit", Encoding.EXPLICIT_BE);

    @Test
    void noReadableRealWorldObjectIsRejected() throws Exception {
        assumeTrue(Files.isDirectory(TEST_FILES), "pydicom test files absent: apt-get install python3-pydicom");
        List<Path> files;
        try (Stream<Path> listing = Files.list(TEST_FILES)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
        List<String> rejected = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        try (HookEngine engine = new HookEngine()) {
            for (Path file : files) {
                Optional<Arrival> arrival = arrival(file);
                if (arrival.isEmpty()) {
                    continue;
                }
                scanned.add(file.getFileName().toString());
                Verdict verdict = engine.scan(file, arrival.get());
                if (verdict.action() == Action.REJECT) {
                    rejected.add(file.getFileName() + " (" + arrival.get() + ") -> " + HookEngine.describe(verdict));
                }
            }
        }
        assertThat(scanned).as("real-world files dcmdump reads").hasSizeGreaterThanOrEqualTo(50)
                .contains("ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "image_dfl.dcm", "waveform_ecg.dcm");
        assertThat(rejected).as("clean real-world objects rejected").isEmpty();
    }

    /**
     * How the file would arrive, if dcmdump reads it without error: STOW-RS for a Part-10 file, else C-STORE with
     * the transfer syntax DCMTK detects.
     */
    private static Optional<Arrival> arrival(Path file) throws IOException {
        String log = dcmdumpDebugLog(file);
        if (log == null) {
            return Optional.empty();
        }
        if (isPart10(file)) {
            return Optional.of(Arrival.stowRs());
        }
        Matcher detected = DETECTED.matcher(log);
        if (!detected.find() || !DCMTK_SYNTAX_NAMES.containsKey(detected.group(1))) {
            throw new AssertionError("no transfer syntax detected by dcmdump for " + file);
        }
        return Optional.of(Arrival.cStore(DCMTK_SYNTAX_NAMES.get(detected.group(1))));
    }

    private static boolean isPart10(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && new String(head, 128, 4, StandardCharsets.US_ASCII).equals("DICM");
        }
    }

    /** dcmdump's debug log (stderr), or null when it exits non-zero or logs an error. */
    private static String dcmdumpDebugLog(Path file) throws IOException {
        Process process = new ProcessBuilder("dcmdump", "-d", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String log;
        try (InputStream stderr = process.getErrorStream()) {
            log = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            int exit = process.waitFor();
            boolean error = log.lines().anyMatch(l -> l.startsWith("E:") || l.startsWith("F:"));
            return exit == 0 && !error ? log : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
