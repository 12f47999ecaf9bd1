package org.yaraguard.engine.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

    @TempDir
    Path quarantineDir;
    @TempDir
    Path elsewhere;

    @Test
    void writesOwnerOnlyAndReadsBackTheSameStatus() throws Exception {
        GuardStatus status = HealthTest.healthy();
        StatusFile.write(quarantineDir, status);
        assertThat(StatusFile.read(quarantineDir)).isEqualTo(status);
        assertThat(Files.getPosixFilePermissions(quarantineDir.resolve(StatusFile.NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(quarantineDir)).as("no temp file left behind").hasSize(1);
    }

    @Test
    void aLinkInPlaceOfTheStatusIsNeitherReadNorWrittenThrough() throws Exception {
        Path target = Files.writeString(elsewhere.resolve("target.json"), "{}");
        Files.createSymbolicLink(quarantineDir.resolve(StatusFile.NAME), target);
        assertThatThrownBy(() -> StatusFile.read(quarantineDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");

        StatusFile.write(quarantineDir, HealthTest.healthy());
        assertThat(Files.readString(target)).isEqualTo("{}");
        assertThat(Files.isSymbolicLink(quarantineDir.resolve(StatusFile.NAME))).isFalse();
    }

    @Test
    void missingOversizedOrGarbledStatusIsAnError() throws Exception {
        assertThatThrownBy(() -> StatusFile.read(quarantineDir)).isInstanceOf(NoSuchFileException.class);
        Files.write(quarantineDir.resolve(StatusFile.NAME), new byte[StatusFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> StatusFile.read(quarantineDir)).hasMessageContaining("larger than");
        Files.writeString(quarantineDir.resolve(StatusFile.NAME), "{\"host\": ");
        assertThatThrownBy(() -> StatusFile.read(quarantineDir)).isInstanceOf(IOException.class);
    }

    @Test
    void countsQuarantineEntriesAndTheirBytesButNoLinksOrSidecars() throws Exception {
        String id = "a".repeat(64);
        Path study = Files.createDirectories(quarantineDir.resolve("1.2.3"));
        Files.write(study.resolve(id + ".dcm"), new byte[1000]);
        Files.writeString(study.resolve(id + ".json"), "{}");
        Files.write(quarantineDir.resolve("1.2.3/" + "b".repeat(64) + ".dcm"), new byte[24]);
        Files.createSymbolicLink(study.resolve("c".repeat(64) + ".dcm"),
                Files.write(elsewhere.resolve("big"), new byte[5000]));
        Files.createSymbolicLink(quarantineDir.resolve("linked-study"), elsewhere);
        StatusFile.write(quarantineDir, HealthTest.healthy());

        GuardStatus.QuarantineUsage usage = QuarantineTally.count(quarantineDir, Instant.EPOCH);
        assertThat(usage.entries()).isEqualTo(2);
        assertThat(usage.bytes()).as("objects and sidecars").isEqualTo(1000 + 2 + 24);
        assertThat(QuarantineTally.count(quarantineDir.resolve("missing"), Instant.EPOCH).entries()).isZero();
    }
}
