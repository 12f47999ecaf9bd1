package org.yaraguard.engine.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsRotationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aFullLogMovesToDotOneAndOnlyKeepFilesStay() throws IOException {
        Path file = temp.resolve("findings.log");
        FindingsLog log = new FindingsLog(file, new FindingsRotation(400, 2), Clock.systemUTC());

        for (int i = 0; i < 40; i++) {
            assertThat(log.appendReview("view", "id-" + i, "reviewer", "reason")).isTrue();
        }

        Path first = FindingsRotation.rotated(file, 1);
        Path second = FindingsRotation.rotated(file, 2);
        assertThat(FindingsRotation.rotated(file, 3)).doesNotExist();
        assertThat(temp.resolve("findings.log.rotating")).doesNotExist();
        List<Integer> ids = new ArrayList<>();
        for (Path part : List.of(second, first, file)) {
            assertThat(Files.size(part)).isBetween(1L, 400L);
            assertThat(Files.getPosixFilePermissions(part)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            for (String line : Files.readAllLines(part)) {
                ids.add(Integer.parseInt(JSON.readTree(line).get("id").asText().substring(3)));
            }
        }
        // Oldest first, without gaps, ending with the last line written.
        assertThat(ids).isSorted().last().isEqualTo(39);
        assertThat(ids.get(ids.size() - 1) - ids.get(0) + 1).isEqualTo(ids.size());
    }

    @Test
    void zeroBytesNeverRotates() throws IOException {
        Path file = temp.resolve("findings.log");
        FindingsLog log = new FindingsLog(file, new FindingsRotation(0, 1), Clock.systemUTC());

        for (int i = 0; i < 40; i++) {
            log.appendReview("view", "id-" + i, "reviewer", "reason");
        }

        assertThat(Files.readAllLines(file)).hasSize(40);
        assertThat(FindingsRotation.rotated(file, 1)).doesNotExist();
    }

    @Test
    void settingsAreReadByNameWithDefaults() {
        assertThat(FindingsRotation.from(Map.of(FindingsRotation.MAX_BYTES, "1048576", FindingsRotation.KEEP, "3")::get))
                .isEqualTo(new FindingsRotation(1048576, 3));
        assertThat(FindingsRotation.from(Map.<String, String>of()::get)).isEqualTo(FindingsRotation.DEFAULT);
        assertThatThrownBy(() -> FindingsRotation.parse("10m", null)).hasMessageContaining(FindingsRotation.MAX_BYTES);
        assertThatThrownBy(() -> FindingsRotation.parse(null, "0")).hasMessageContaining(FindingsRotation.KEEP);
        assertThatThrownBy(() -> FindingsRotation.parse("-1", null)).hasMessageContaining(FindingsRotation.MAX_BYTES);
    }
}
