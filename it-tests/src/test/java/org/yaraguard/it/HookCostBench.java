package org.yaraguard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark, not a test (run by {@code mvn -pl it-tests -am verify -Pbench}, or {@code bench/hook.sh}): what the hook
 * costs the stand-in archive's ingest, over ~0.75 MiB DCMTK-made images, on the C-STORE-like path (2-argument store,
 * bare dataset) and the STOW-like path (3-argument store, Part-10 file), with the default rules and then with a large
 * rule set added beside them (bench/large-rules.py, the one bench/run.sh uses: 5,120 rules in 320 files, fixed seed),
 * at concurrency 1 and 4. The "without" arm is the same store with
 * the hook absent from the call path (see UnhookedStore); batches of both arms alternate (which goes first alternates
 * too) in the same server. Prints throughput with/without, p50/p99 latency of both arms and the added p50/p99. It
 * fails only when a store does not succeed, never on a figure.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
@ExtendWith(ArquillianExtension.class)
class HookCostBench {

    /** 886 x 886 8-bit pixels: a 0.75 MiB object. */
    private static final int SIDE = 886;
    private static final int VARIANTS = 64;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    private static final int BATCH = Integer.getInteger("bench.batch", 24);
    private static final Duration RELOAD_WAIT = Duration.ofMinutes(3);
    private static final int LARGE_FILES = 320;

    private final BenchClient client = new BenchClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return StandInArchive.benchEar();
    }

    @Test
    void hookCostOnIngest() throws Exception {
        DicomSamples samples = new DicomSamples(ItEnvironment.samplesFolder().resolve("hook-cost"));
        DicomSample template = samples.image("bench-image", 70_000, null, SIDE);
        List<byte[]> part10 = new ArrayList<>();
        List<byte[]> datasets = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            DicomSample variant = template.variant(70_001 + i);
            part10.add(variant.part10());
            datasets.add(variant.dataset());
        }
        List<String> lines = new ArrayList<>();
        lines.add("object %d bytes (Part-10), %d rounds x %d objects per arm and case, arms alternating"
                .formatted(template.part10().length, ROUNDS, BATCH));
        lines.add(HookCost.HEADER);
        measureAll("default", datasets, part10, lines);

        Path large = ItEnvironment.rulesFolder().resolve("bench-large");
        long logSize = Files.size(ItEnvironment.serverLog());
        writeLargeRules(large);
        try {
            awaitRulesInForce(logSize);
            measureAll("large", datasets, part10, lines);
        } finally {
            try (Stream<Path> files = Files.list(large)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(large);
        }
        String report = String.join(System.lineSeparator(), lines);
        System.out.println(report);
        Files.writeString(ItEnvironment.work().resolve("hook-cost.txt"), report + System.lineSeparator());
    }

    private void measureAll(String rules, List<byte[]> datasets, List<byte[]> part10, List<String> lines)
            throws Exception {
        for (BenchClient.Path path : BenchClient.Path.values()) {
            List<byte[]> bodies = path == BenchClient.Path.CSTORE ? datasets : part10;
            for (int concurrency : new int[] {1, 4}) {
                HookCost cost = HookCost.measure(client, path, bodies, concurrency, ROUNDS, BATCH);
                lines.add(cost.line(rules, path.name().toLowerCase(Locale.ROOT), concurrency));
                deleteStoredObjects();
            }
        }
    }

    /** The large set bench/run.sh generates, with the same arguments. */
    private static void writeLargeRules(Path folder) throws Exception {
        Process generator = new ProcessBuilder("python3", Path.of("../bench/large-rules.py").toString(),
                folder.toString(), "--files", String.valueOf(LARGE_FILES), "--rules-per-file", "16", "--seed", "11")
                .inheritIO().start();
        if (!generator.waitFor(2, TimeUnit.MINUTES) || generator.exitValue() != 0) {
            throw new IllegalStateException("bench/large-rules.py failed");
        }
    }

    /** Keeps the stand-in's folder small between cases: nothing is in flight then. */
    private static void deleteStoredObjects() throws IOException {
        try (Stream<Path> files = Files.list(ItEnvironment.archiveFolder())) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Waits until the server log says a rule set with the large set's files is in force. */
    private static void awaitRulesInForce(long from) throws Exception {
        Instant deadline = Instant.now().plus(RELOAD_WAIT);
        while (Instant.now().isBefore(deadline)) {
            byte[] log = Files.readAllBytes(ItEnvironment.serverLog());
            int start = (int) Math.min(from, log.length);
            String text = new String(log, start, log.length - start, StandardCharsets.UTF_8);
            int at = text.indexOf("YARA Guard rules in force: ");
            while (at >= 0) {
                String line = text.substring(at, Math.max(at, text.indexOf('\n', at)));
                String files = line.substring("YARA Guard rules in force: ".length()).split(" ")[0];
                if (Integer.parseInt(files) >= LARGE_FILES) {
                    System.out.println(line);
                    return;
                }
                at = text.indexOf("YARA Guard rules in force: ", at + 1);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the large rule set was not in force after " + RELOAD_WAIT);
    }
}
