package org.yaraguard.cli.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.Sidecar;
import picocli.CommandLine;

/**
 * The review commands on the server's folders as an administrator runs them on the host: as root, on folders the
 * server's user owns, with a findings log that must record every destructive action, and with entries that cannot
 * be read named instead of hidden.
 */
class ServerFoldersTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.50";
    private static final int SERVER_UID = 1000;

    @TempDir
    Path dir;
    private Path data;
    private Path quarantine;
    private Path findings;
    private QuarantineEntry first;
    private QuarantineEntry second;

    @BeforeEach
    void serverWroteTheQuarantine() throws Exception {
        data = Files.createDirectory(dir.resolve("data"));
        quarantine = data.resolve("quarantine");
        findings = Files.createDirectory(data.resolve("log")).resolve("findings.log");
        first = keep(object("first", STUDY + ".1.1"), STUDY + ".1.1");
        second = keep(object("second", STUDY + ".1.2"), STUDY + ".1.2");
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new QuarantineCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Run review(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--quarantine", quarantine.toString(), "--findings", findings.toString(),
                "--approvals", data.resolve("approvals").toString()));
        return run(all.toArray(String[]::new));
    }

    @Test
    void asRootEveryFileTouchedStaysTheServerUsersWithTheServersModes() throws Exception {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "runs as root, as an administrator on the host would");
        chownTree(data, SERVER_UID);
        HttpServer stow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stow.createContext("/stow", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stow.start();
        try {
            assertThat(review("show", first.id(), "--user", "root").status()).isZero();
            Run release = review("release", first.id(), "--reason", "vendor preamble", "--user", "root",
                    "--stow-url", "http://127.0.0.1:" + stow.getAddress().getPort() + "/stow");
            assertThat(release.status()).as(release.err()).isZero();
            assertThat(review("purge", second.id(), "--reason", "malware", "--user", "root").status()).isZero();
        } finally {
            stow.stop(0);
        }

        assertThat(Files.list(data.resolve("approvals")).toList()).hasSize(1);
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as("owner of " + p)
                        .isEqualTo(SERVER_UID);
                assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as("group of " + p)
                        .isEqualTo(SERVER_UID);
                if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".dcm")) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as("mode of " + p)
                            .isEqualTo("rw-------");
                }
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("approvals"))))
                .isEqualTo("rwx------");
        assertThat(Files.readString(findings)).contains("\"event\":\"view\"", "\"event\":\"release\"",
                "\"event\":\"purge\"");
    }

    @Test
    void anUnreadableSidecarIsNamedNeverNoEntries() throws Exception {
        Path broken = first.sidecar().resolveSibling("ab".repeat(32) + ".json");
        Files.writeString(broken, "{\"id\": ");

        Run list = review("list", "--study", STUDY);

        assertThat(list.status()).isEqualTo(QuarantineCommand.UNREADABLE);
        assertThat(list.err()).contains(broken.toString()).contains("not a valid sidecar");
        assertThat(list.out()).contains(first.id().substring(0, 16)).doesNotContain("No entries.");
        Run show = review("show", "abababab");
        assertThat(show.status()).isEqualTo(QuarantineCommand.UNREADABLE);
        assertThat(show.err()).contains(broken.toString());
    }

    @Test
    void aQuarantineFolderThatDoesNotExistIsAnErrorNotAnEmptyList() {
        Path missing = dir.resolve("no-such-quarantine");

        Run list = run("list", "--quarantine", missing.toString());

        assertThat(list.status()).isEqualTo(QuarantineCommand.UNREADABLE);
        assertThat(list.err()).contains(missing.toString()).contains("does not exist");
        assertThat(list.out()).doesNotContain("No entries.");
        assertThat(run("show", first.id(), "--quarantine", missing.toString()).err()).contains("does not exist");
    }

    @Test
    void aQuarantineFolderGivenThroughALinkIsListedAsTheHookWritesIt() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("quarantine-link"), quarantine);

        Run list = run("list", "--quarantine", link.toString(), "--findings", findings.toString());

        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains(first.id().substring(0, 16)).contains(second.id().substring(0, 16));
    }

    @Test
    void aDestructiveActionWithNoFindingsLogIsRefusedInOneLine() {
        String noLog = "--quarantine=" + quarantine;

        Run purge = run("purge", first.id(), "--reason", "malware", noLog);
        Run byAge = run("purge", "--older-than", "0d", "--reason", "all", noLog);
        Run release = run("release", first.id(), "--reason", "fp", "--stow-url", "http://127.0.0.1:9/stow", noLog);

        for (Run r : List.of(purge, byAge, release)) {
            assertThat(r.status()).isEqualTo(QuarantineCommand.REFUSED);
            assertThat(r.err()).contains("no findings log is configured").hasLineCount(1);
        }
        assertThat(first.object()).exists();
        assertThat(first.sidecar()).exists();
        Run show = run("show", first.id(), noLog);
        assertThat(show.status()).isZero();
        assertThat(show.err()).contains("recorded nowhere");
    }

    private byte[] object(String name, String sop) throws IOException, InterruptedException {
        Path dump = dir.resolve(name + ".dump");
        Files.writeString(dump, String.join("\n", "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]",
                "(0008,0018) UI [" + sop + "]", "(0010,0010) PN [Owner^Test]", "(0020,000d) UI [" + STUDY + "]",
                "(0020,000e) UI [" + STUDY + ".1]", ""));
        Path out = dir.resolve(name + ".dcm");
        Process p = new ProcessBuilder("dump2dcm", dump.toString(), out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readAllBytes(out);
    }

    private QuarantineEntry keep(byte[] bytes, String sop) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Sidecar sidecar = new Sidecar(sha, Instant.now().toString(), "stow-rs", "MODALITY1", "DCM4CHEE",
                "127.0.0.1", "enforce", "reject", Sidecar.QUARANTINED, "rs1", sha, bytes.length, true,
                "1.2.840.10008.1.2.1", null, new ReviewAttributes("1.2.840.10008.5.1.4.1.1.7", sop, STUDY,
                        STUDY + ".1", "PID", "Owner^Test", "20260101", "OT", "ACC"),
                List.of(new Sidecar.Match("PE_In_Preamble", "default", List.of(), Map.of(), "preamble", List.of(0L),
                        "reject")), List.of(), List.of());
        return new Quarantine(quarantine).put(ByteBuffer.wrap(bytes), sidecar);
    }

    /** What the server wrote is the server's: the tree as the hook running as that user would have left it. */
    private static void chownTree(Path root, int uid) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
