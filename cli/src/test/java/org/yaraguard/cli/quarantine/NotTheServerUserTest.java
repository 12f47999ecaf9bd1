package org.yaraguard.cli.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.cli.YaraGuard;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.Sidecar;

/**
 * The command line run by a user who cannot read the server's files (here: nobody, in a child JVM started with
 * setpriv) names what it cannot read and fails, instead of printing "No entries.".
 */
class NotTheServerUserTest {

    private static final String NOBODY = "65534";
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.70";

    @TempDir
    Path dir;
    private Path quarantine;
    private QuarantineEntry entry;
    private String classPath;

    @BeforeEach
    void serverFilesNobodyMayRead() throws Exception {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "needs root to start a JVM as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        classPath = readableClassPath();
        quarantine = dir.resolve("quarantine");
        byte[] bytes = "MZ kept by the server".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        entry = new Quarantine(quarantine).put(ByteBuffer.wrap(bytes), new Sidecar(sha, Instant.now().toString(),
                "c-store", "MOD", "DCM4CHEE", "127.0.0.1", "enforce", "reject", Sidecar.QUARANTINED, "rs1", sha,
                bytes.length, false, null, null, new ReviewAttributes("1.2.840.10008.5.1.4.1.1.7", STUDY + ".1",
                        STUDY, STUDY + ".2", "PID", "Some^One", "20260101", "OT", "ACC"), List.of(), List.of(),
                List.of()));
    }

    @Test
    void aSidecarItCannotReadIsNamedNeverNoEntries() throws Exception {
        Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(entry.sidecar().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        Result list = asNobody("quarantine", "list", "--quarantine", quarantine.toString());

        assertThat(list.status()).as(list.output()).isEqualTo(QuarantineCommand.UNREADABLE);
        assertThat(list.output()).contains(entry.sidecar().toString()).contains("permission denied")
                .contains("owner root").doesNotContain("No entries.").doesNotContain("Exception");
    }

    @Test
    void aQuarantineFolderItCannotListIsAnError() throws Exception {
        Result list = asNobody("quarantine", "list", "--quarantine", quarantine.toString());

        assertThat(list.status()).as(list.output()).isEqualTo(QuarantineCommand.UNREADABLE);
        assertThat(list.output()).contains(quarantine.toString()).contains("permission denied")
                .doesNotContain("No entries.");
    }

    private record Result(int status, String output) {
    }

    private Result asNobody(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, YaraGuard.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("nobody.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** This test's class path, with the jars nobody cannot reach (the local repository is root's) copied here. */
    private String readableClassPath() throws IOException {
        Path jars = Files.createDirectory(dir.resolve("jars"));
        List<String> entries = new ArrayList<>();
        for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(element);
            if (Files.isRegularFile(source)) {
                Path copy = jars.resolve(entries.size() + "-" + source.getFileName());
                Files.copy(source, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            } else {
                entries.add(element);
            }
        }
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        return String.join(File.pathSeparator, entries);
    }
}
