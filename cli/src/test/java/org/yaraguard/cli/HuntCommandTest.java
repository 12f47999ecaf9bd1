package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.hunt.StorageTree;
import org.yaraguard.review.hunt.HuntJson;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.rules.DefaultRules;
import picocli.CommandLine;

/** {@code yara-guard hunt} end to end, including a real process killed mid-hunt and resumed. */
class HuntCommandTest {

    @TempDir
    static Path work;
    static StorageTree tree;
    static Path rules;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void archive() throws IOException {
        tree = new StorageTree(work.resolve("fs1"), work.resolve("dcmtk"), 40, 4, 6);
        rules = Files.createDirectories(work.resolve("rules"));
        DefaultRules.copyTo(rules);
    }

    int hunt(String... args) {
        CommandLine command = YaraGuard.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("hunt", "--rules", rules.toString(), "--no-rules-cache"));
        all.addAll(List.of(args));
        return command.execute(all.toArray(String[]::new));
    }

    static List<String> hitKeys(Path report) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(report.resolve(HuntReport.HITS), StandardCharsets.UTF_8)) {
            keys.add(HuntJson.hit(line).key());
        }
        return keys;
    }

    @Test
    void exitsOneWithHitsAndPrintsTheTally() throws IOException {
        Path report = dir.resolve("report");
        int exit = hunt("--storage", tree.root.toString(), "--report", report.toString(), "--threads", "2");

        assertThat(exit).as(err.toString()).isEqualTo(YaraGuard.REJECTED);
        assertThat(out.toString()).contains(tree.infected.size() + " hits in").contains(report.toString());
        assertThat(new HashSet<>(hitKeys(report))).isEqualTo(tree.infectedKeys());
    }

    @Test
    void exitsZeroWhenNothingIsFound() throws IOException {
        Path clean = Files.createDirectories(dir.resolve("clean/2026/11/30"));
        Files.copy(tree.root.resolve(tree.dicomFiles.get(1)), clean.resolve("A"));
        int exit = hunt("--storage", dir.resolve("clean").toString(), "--report", dir.resolve("r").toString());

        assertThat(exit).as(err.toString()).isEqualTo(YaraGuard.OK);
        assertThat(out.toString()).contains("1 objects").contains("0 hits");
    }

    @Test
    void exitsTwoWhenItCannotHunt() throws IOException {
        String root = tree.root.toString();
        assertThat(hunt("--storage", root, "--shard", "3/2")).isEqualTo(YaraGuard.FAILED);
        assertThat(hunt("--storage", root, "--since", "yesterday")).isEqualTo(YaraGuard.FAILED);
        assertThat(hunt("--storage", root, "--reject", "113037^DCM/../x", "--dry-run")).isEqualTo(YaraGuard.FAILED);
        assertThat(hunt("--storage", root, "--dry-run")).isEqualTo(YaraGuard.FAILED);
        assertThat(hunt("--report", dir.resolve("r").toString())).isEqualTo(YaraGuard.FAILED);
        assertThat(hunt("--storage", dir.resolve("missing").toString())).isEqualTo(YaraGuard.FAILED);
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("bad.yar"), "rule broken { condition: nonsense }");
        CommandLine command = YaraGuard.commandLine();
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("hunt", "--rules", broken.toString(), "--no-rules-cache", "--storage", root,
                "--report", dir.resolve("r").toString())).isEqualTo(YaraGuard.FAILED);
        assertThat(Files.exists(dir.resolve("r"))).isFalse();
    }

    @Test
    void withoutReportTheHuntGoesIntoTheServersHuntsFolderWhereTheConsoleListsIt() throws Exception {
        Path clean = Files.createDirectories(dir.resolve("one/2026/11/30"));
        Files.copy(tree.root.resolve(tree.dicomFiles.get(1)), clean.resolve("A"));
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path config = dir.resolve("yara-guard.properties");
        Files.writeString(config, "yara-guard.rules.dir=" + rules + "\nyara-guard.hunt.reports.dir=" + hunts + "\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), YaraGuard.class.getName(), "hunt", "--no-rules-cache",
                "--storage", dir.resolve("one").toString())
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("default.log").toFile());
        builder.environment().put(HostConfig.ENV, config.toString());

        int exit = builder.start().waitFor();

        assertThat(exit).as(Files.readString(dir.resolve("default.log"))).isEqualTo(YaraGuard.OK);
        try (Stream<Path> made = Files.list(hunts)) {
            assertThat(made.toList()).singleElement()
                    .satisfies(r -> assertThat(r.getFileName().toString()).startsWith("hunt-"))
                    .satisfies(r -> assertThat(r.resolve(HuntReport.SUMMARY)).isRegularFile());
        }
        try (Stream<Path> left = Files.list(cwd)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void aDryRunRejectionSaysWhatItWouldDo() throws IOException {
        Path report = dir.resolve("report");
        hunt("--storage", tree.root.toString(), "--report", report.toString(), "--reject", "--dry-run");

        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(report.resolve(HuntReport.HITS)).get(0));
        assertThat(first.at("/rejection/status").asText()).isEqualTo("dry-run");
        assertThat(first.at("/rejection/message").asText()).isEqualTo("would reject 113037^DCM");
    }

    @Test
    void aHuntKilledMidwayResumesAndReportsEveryHitExactlyOnce() throws Exception {
        Path clean = dir.resolve("clean");
        assertThat(hunt("--storage", tree.root.toString(), "--report", clean.toString())).isEqualTo(1);
        Set<String> expected = new HashSet<>(hitKeys(clean));

        Path report = dir.resolve("report");
        killMidway(report, 1);
        Path firstCheckpoint = Files.copy(report.resolve(HuntReport.CHECKPOINT), dir.resolve("first-checkpoint"));
        long hitsAtFirst = hitLines(report);
        assertThat(hitsAtFirst).isLessThan(expected.size());
        killMidway(report, (int) hitsAtFirst + 1);
        // As if the second kill came before any of its checkpoints reached the disk: its hits lie past the position.
        Files.copy(firstCheckpoint, report.resolve(HuntReport.CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        String checkpoint = Files.readString(report.resolve(HuntReport.CHECKPOINT));
        assertThat(new ObjectMapper().readTree(checkpoint).get("finishedAt").isNull()).isTrue();

        assertThat(hunt("--storage", tree.root.toString(), "--report", report.toString())).as(err.toString())
                .isEqualTo(1);
        List<String> keys = hitKeys(report);
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(new HashSet<>(keys)).isEqualTo(expected);
        JsonNode summary = new ObjectMapper().readTree(report.resolve(HuntReport.SUMMARY).toFile());
        assertThat(summary.get("objects").asLong()).isEqualTo(tree.dicomFiles.size());
        assertThat(summary.get("hits").asLong()).isEqualTo(expected.size());
    }

    @Test
    void ctrlCOrSigtermSavesTheCheckpointOnTheWayOut() throws Exception {
        Path report = dir.resolve("report");
        Process process = start(report, "term");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!checkpointed(report) && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            long asked = System.currentTimeMillis();
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Ticks come every 2 s: a checkpoint this fresh was written by the shutdown hook.
            assertThat(Files.getLastModifiedTime(report.resolve(HuntReport.CHECKPOINT)).toMillis())
                    .isGreaterThanOrEqualTo(asked - 5);
            JsonNode summary = new ObjectMapper().readTree(report.resolve(HuntReport.SUMMARY).toFile());
            assertThat(summary.get("finishedAt").isNull()).isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private Process start(Path report, String name) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), YaraGuard.class.getName(), "hunt",
                "--rules", rules.toString(), "--no-rules-cache", "--storage", tree.root.toString(),
                "--report", report.toString(), "--threads", "2", "--max-rate", "0.2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("process-" + name + ".log").toFile()).start();
    }

    /**
     * Starts a real, throttled {@code yara-guard hunt} and kills it (-9) once it has written {@code hits} hits and a
     * checkpoint.
     */
    private void killMidway(Path report, int hits) throws Exception {
        Process process = start(report, Integer.toString(hits));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((hitLines(report) < hits || !checkpointed(report)) && System.nanoTime() < deadline
                    && process.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(process.isAlive()).as("still hunting when killed: "
                    + Files.readString(dir.resolve("process-" + hits + ".log"))).isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    /** True once the hunt saved a position: some objects are committed, so the kill tests a real resume. */
    private static boolean checkpointed(Path report) {
        try {
            JsonNode checkpoint = new ObjectMapper().readTree(report.resolve(HuntReport.CHECKPOINT).toFile());
            return checkpoint.hasNonNull("position");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static long hitLines(Path report) throws IOException {
        Path file = report.resolve(HuntReport.HITS);
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count() : 0;
    }

}
