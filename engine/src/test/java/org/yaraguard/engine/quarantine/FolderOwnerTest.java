package org.yaraguard.engine.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run as root (as the tests run here), what is written into a folder of another user is given to that user. */
class FolderOwnerTest {

    private static final int SERVER_UID = 1000;
    private static final int SERVER_GID = 1000;

    @TempDir
    Path temp;
    private Path data;

    @BeforeEach
    void serverFolder() throws IOException {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "only root can write files another user must own");
        data = Files.createDirectory(temp.resolve("data"));
        Files.setAttribute(data, "unix:uid", SERVER_UID);
        Files.setAttribute(data, "unix:gid", SERVER_GID);
    }

    @Test
    void quarantinedObjectsSidecarsLockAndFoldersBelongToTheFolderOwner() throws IOException {
        byte[] object = "MZ owned".getBytes(StandardCharsets.US_ASCII);
        Quarantine quarantine = new Quarantine(data.resolve("quarantine"));
        QuarantineEntry entry = quarantine.put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object, "1.2.3"));
        quarantine.update(entry.sidecar(), json -> json.put("status", "released"));

        for (Path p : List.of(entry.object(), entry.sidecar(), quarantine.folder().resolve(SidecarLock.FILE_NAME))) {
            assertOwnedByServer(p, "rw-------");
        }
        assertOwnedByServer(entry.object().getParent(), "rwx------");
        assertOwnedByServer(quarantine.folder(), "rwx------");
    }

    @Test
    void approvalsAndTheirFolderBelongToTheFolderOwner() throws IOException {
        Approvals approvals = new Approvals(data.resolve("approvals"));
        String sha = "cd".repeat(32);
        approvals.grant(sha, sha, "root", "false positive", Duration.ofHours(1));

        assertOwnedByServer(data.resolve("approvals"), "rwx------");
        assertOwnedByServer(data.resolve("approvals/" + sha + ".approval"), "rw-------");
    }

    @Test
    void aFolderOwnedByRootStaysAsItIs() throws IOException {
        byte[] object = "root's own".getBytes(StandardCharsets.US_ASCII);
        QuarantineEntry entry = new Quarantine(temp.resolve("q")).put(ByteBuffer.wrap(object),
                QuarantineTest.sidecar(object, "1.2.3"));

        assertThat(Files.getAttribute(entry.sidecar(), "unix:uid")).isEqualTo(0);
    }

    private static void assertOwnedByServer(Path path, String mode) throws IOException {
        assertThat(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as("owner of " + path)
                .isEqualTo(SERVER_UID);
        assertThat(Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as("group of " + path)
                .isEqualTo(SERVER_GID);
        assertThat(Files.getPosixFilePermissions(path)).as("mode of " + path)
                .isEqualTo(PosixFilePermissions.fromString(mode));
    }
}
