package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.review.hunt.HuntSummary;

class StoredFileTest {

    @TempDir
    Path dir;

    @Test
    void findsAFileInsideTheStorageRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("fs1"));
        Path file = Files.createDirectories(root.resolve("2026/11/30/AB12")).resolve("CD34");
        Files.write(file, new byte[] {1});

        assertThat(StoredFile.inside(root.toString(), "2026/11/30/AB12/CD34")).contains(file.toRealPath());
    }

    @Test
    void triesEveryRootOfTheHuntsSources() throws IOException {
        Path first = Files.createDirectories(dir.resolve("fs1"));
        Path second = Files.createDirectories(dir.resolve("fs2"));
        Files.write(second.resolve("obj"), new byte[] {1});
        HuntSummary summary = new HuntSummary("h", Instant.now(), null, "r", "d",
                List.of("dicomweb:http://archive/rs", "storage:" + first + ", storage:" + second), "1/1", null, 0, 0, 0,
                0, 0, 0, 0, 0, 0, Map.of(), List.of(), List.of(), List.of());

        assertThat(StoredFile.of(summary, HuntReports.hit("obj", 1, 0, null))).contains(second.resolve("obj")
                .toRealPath());
        assertThat(StoredFile.of(summary, HuntReports.hit("none", 1, 0, null))).isEmpty();
    }

    @Test
    void neverLeavesTheStorageRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("fs1"));
        Path outside = Files.writeString(dir.resolve("secret"), "x");
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("folder-link"), dir);

        assertThat(StoredFile.inside(root.toString(), "../secret")).isEmpty();
        assertThat(StoredFile.inside(root.toString(), outside.toString())).isEmpty();
        assertThat(StoredFile.inside(root.toString(), "link")).isEmpty();
        assertThat(StoredFile.inside(root.toString(), "folder-link/secret")).isEmpty();
        assertThat(StoredFile.inside(root.toString(), "missing")).isEmpty();
        assertThat(StoredFile.inside(root.toString(), "")).isEmpty();
        assertThat(StoredFile.inside("fs1", "x")).as("a relative root").isEmpty();
    }
}
