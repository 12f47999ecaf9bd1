package org.yaraguard.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFoldersTest {

    @TempDir
    Path dir;

    List<String> keys(StorageFolders folders, String after) throws IOException {
        try (Stream<StoredObject> objects = folders.list(after)) {
            return objects.map(StoredObject::key).toList();
        }
    }

    void file(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
    }

    @Test
    void listsRootByRootEachFolderSortedAndResumesAfterAnyKey() throws IOException {
        Path fs1 = dir.resolve("fs1");
        Path fs2 = dir.resolve("fs2");
        for (String f : List.of("2026/11/30/B/S/1", "2026/11/30/A/S/2", "2026/11/30/A/S/1", "2026/11/29/C/S/1",
                "2026/12/01/D/S/1", "2026/11/30/A/T/1")) {
            file(fs1, f);
        }
        file(fs2, "2026/11/30/A/S/1");
        StorageFolders folders = StorageFolders.of(List.of(fs1, fs2));

        List<String> all = keys(folders, null);
        assertThat(all).containsExactly("0:2026/11/29/C/S/1", "0:2026/11/30/A/S/1", "0:2026/11/30/A/S/2",
                "0:2026/11/30/A/T/1", "0:2026/11/30/B/S/1", "0:2026/12/01/D/S/1", "1:2026/11/30/A/S/1");
        for (int i = 0; i < all.size(); i++) {
            assertThat(keys(folders, all.get(i))).as("after " + all.get(i)).isEqualTo(all.subList(i + 1, all.size()));
        }
        // A key whose object was deleted since still positions the listing.
        assertThat(keys(folders, "0:2026/11/30/A/S/15")).startsWith("0:2026/11/30/A/S/2");
        assertThat(keys(folders, "0:2026/11/30/AA")).startsWith("0:2026/11/30/B/S/1");
    }

    @Test
    void opensFilesOnlyInsideTheRootNeverThroughALink() throws IOException {
        Path root = dir.resolve("fs1");
        file(root, "2026/11/30/A/S/1");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("2026/11/30/A/S/link"), outside.resolve("secret"));
        Files.createSymbolicLink(root.resolve("2026/11/30/B"), outside);
        StorageFolders folders = StorageFolders.of(List.of(root));

        List<String> keys = keys(folders, null);
        assertThat(keys).containsExactly("0:2026/11/30/A/S/1", "0:2026/11/30/A/S/link", "0:2026/11/30/B");
        try (InputStream in = folders.open(new StoredObject("0:2026/11/30/A/S/1", "", null, -1))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("2026/11/30/A/S/1");
        }
        assertThatThrownBy(() -> folders.open(new StoredObject("0:2026/11/30/A/S/link", "", null, -1)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> folders.open(new StoredObject("0:2026/11/30/B/secret", "", null, -1)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> folders.open(new StoredObject("0:../outside/secret", "", null, -1)))
                .isInstanceOf(IOException.class);
    }
}
