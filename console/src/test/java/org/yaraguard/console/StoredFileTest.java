package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
