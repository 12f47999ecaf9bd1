package org.yaraguard.engine.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.quarantine.FolderOwner;
import org.yaraguard.engine.quarantine.Sidecar;

class FindingsLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void aVerdictLineCarriesTheSidecarFieldsWithoutReview() throws IOException {
        FindingsLog log = new FindingsLog(temp.resolve("logs/findings.log"), CLOCK);

        assertThat(log.appendVerdict(sidecar(1, "tag"), null)).isTrue();

        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("at").asText()).isEqualTo("2026-11-25T01:02:03Z");
        assertThat(line.get("event").asText()).isEqualTo("verdict");
        assertThat(line.get("action").asText()).isEqualTo("tag");
        assertThat(line.get("quarantineId").isNull()).isTrue();
        assertThat(line.get("attributes").get("patientName").asText()).isEqualTo("Doe^John");
        assertThat(line.has("review")).isFalse();
        assertThat(Files.getPosixFilePermissions(log.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aReviewLineNamesWhoAndWhy() throws IOException {
        FindingsLog log = new FindingsLog(temp.resolve("findings.log"), CLOCK);

        log.appendReview("release", "ab".repeat(32), "admin", "false positive");

        JsonNode line = JSON.readTree(Files.readAllLines(log.file()).get(0));
        assertThat(line.get("event").asText()).isEqualTo("release");
        assertThat(line.get("id").asText()).isEqualTo("ab".repeat(32));
        assertThat(line.get("user").asText()).isEqualTo("admin");
        assertThat(line.get("reason").asText()).isEqualTo("false positive");
    }

    @Test
    void rootNeverAppendsThroughALinkTheLogFoldersOwnerPlanted() throws IOException {
        assumeTrue(FolderOwner.runningAsRoot(), "only root is refused the link");
        Path target = Files.writeString(temp.resolve("root-owned.conf"), "untouched\n");
        Path link = Files.createSymbolicLink(temp.resolve("findings.log"), target);

        assertThat(new FindingsLog(link, CLOCK).appendReview("purge", "ab".repeat(32), "root", "why")).isFalse();

        assertThat(Files.readString(target)).isEqualTo("untouched\n");
    }

    @Test
    void concurrentAppendsFromManyThreadsAndInstancesStayWholeLines() throws Exception {
        Path file = temp.resolve("findings.log");
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            // Two instances on the same file, as the server and a review action in the same JVM would have.
            FindingsLog log = new FindingsLog(file, CLOCK);
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    log.appendVerdict(sidecar(thread * perThread + i, "log"), null);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        Set<Long> seen = new HashSet<>();
        for (String line : lines) {
            seen.add(JSON.readTree(line).get("bytes").asLong());
        }
        assertThat(seen).hasSize(threads * perThread);
    }

    @Test
    void anUnwritableLogReportsFalseAndDoesNotThrow() throws IOException {
        Path blocker = temp.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the log folder should be");
        FindingsLog log = new FindingsLog(blocker.resolve("findings.log"), CLOCK);

        assertThat(log.appendVerdict(sidecar(1, "reject"), "ab".repeat(32))).isFalse();
        assertThat(log.appendReview("purge", "ab".repeat(32), "admin", "old")).isFalse();
    }

    @Test
    void aFullDiskReportsFalseAndDoesNotThrow() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");

        assertThat(new FindingsLog(full, CLOCK).appendVerdict(sidecar(1, "reject"), null)).isFalse();
    }

    private static Sidecar sidecar(long bytes, String action) {
        ReviewAttributes attributes = new ReviewAttributes("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", "1.2.3",
                "1.2.3.5", "PID1", "Doe^John", "20260101", "OT", "ACC1");
        String sha = "cd".repeat(32);
        return new Sidecar(sha, "2026-11-25T01:02:03.456Z", "c-store", "MODALITY1", "DCM4CHEE", "10.0.0.5",
                "enforce", action, Sidecar.STORED, "ab".repeat(32), sha, bytes, false, null, null, attributes,
                List.of(), List.of(), List.of());
    }
}
