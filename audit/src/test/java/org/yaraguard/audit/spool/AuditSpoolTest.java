package org.yaraguard.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSpoolTest {

    @TempDir
    Path tmp;

    @Test
    void spoolsPrivateFilesInAPrivateFolderOldestFirst() throws Exception {
        Path dir = tmp.resolve("audit-spool");
        AuditSpool spool = new AuditSpool(dir, 1 << 20);
        Instant t = Instant.parse("2026-11-30T17:00:00Z");
        assertThat(spool.write(bytes("second"), t.plusMillis(1), 0)).isTrue();
        assertThat(spool.write(bytes("first"), t, 0)).isTrue();
        assertThat(spool.write(bytes("third"), t.plusMillis(1), 0)).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        List<SpoolFile> waiting = spool.waiting();
        assertThat(waiting).extracting(f -> new String(spool.read(f), StandardCharsets.UTF_8))
                .containsExactly("first", "second", "third");
        assertThat(waiting).allSatisfy(f -> {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path()))).isEqualTo("rw-------");
            assertThat(f.pid()).isEqualTo(ProcessHandle.current().pid());
        });
        assertThat(waiting.get(0).spooledAt()).isEqualTo(t);
        assertThat(waiting.get(0).size()).isEqualTo(5);
        assertThat(Files.list(dir)).hasSize(3);
    }

    @Test
    void aMessageOverTheCapIsRefusedAndNothingIsLeftBehind() throws Exception {
        AuditSpool spool = new AuditSpool(tmp, 10);
        assertThat(spool.write(bytes("123456"), Instant.now(), 0)).isTrue();
        assertThat(spool.write(bytes("12345"), Instant.now(), 6)).isFalse();
        assertThat(spool.write(bytes("1234"), Instant.now(), 6)).isTrue();
        assertThat(Files.list(tmp)).hasSize(2);
    }

    @Test
    void filesOfOtherNamesAreNeverSent() throws Exception {
        AuditSpool spool = new AuditSpool(tmp, 1 << 20);
        Files.writeString(tmp.resolve(".123.tmp"), "half written");
        Files.writeString(tmp.resolve("notes.xml"), "not ours");
        Files.createSymbolicLink(tmp.resolve("0000000000000001-0000000001-000000000001.xml"), Path.of("/etc/passwd"));
        assertThat(spool.waiting()).isEmpty();
    }

    @Test
    void aDropByRootGetsTheFolderOwnerSoTheServerCanSendIt() throws Exception {
        Path dir = tmp.resolve("spool");
        new AuditSpool(dir, 1 << 20);
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        if (root) {
            Files.setOwner(dir, nobody);
        }
        assertThat(AuditSpool.drop(dir, 1 << 20, bytes("from the command line"), Instant.now())).isTrue();
        assertThat(AuditSpool.drop(dir, 25, bytes("over the cap with the first"), Instant.now())).isFalse();
        List<SpoolFile> waiting = new AuditSpool(dir, 1 << 20).waiting();
        assertThat(waiting).hasSize(1);
        if (root) {
            assertThat(Files.getOwner(waiting.get(0).path())).isEqualTo(nobody);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
