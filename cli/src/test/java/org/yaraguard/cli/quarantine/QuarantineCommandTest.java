package org.yaraguard.cli.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.Sidecar;
import org.yaraguard.engine.quarantine.Approvals;
import picocli.CommandLine;

/** The quarantine commands over a real quarantine folder written by the hook's writer, with DCMTK-made objects. */
class QuarantineCommandTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.40";
    private static final String HOSTILE_NAME = "Evil\u001b[31m^Name";

    @TempDir
    Path dir;
    private Path quarantine;
    private Path findings;
    private QuarantineEntry pe;
    private QuarantineEntry old;
    private byte[] polyglot;

    @BeforeEach
    void quarantine() throws Exception {
        quarantine = dir.resolve("quarantine");
        findings = dir.resolve("findings.log");
        polyglot = object("pe", STUDY + ".1.1");
        byte[] pe32 = "MZ\u0090\0PE-polyglot".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pe32, 0, polyglot, 0, pe32.length);
        pe = keep(polyglot, STUDY + ".1.1", "PE_In_Preamble", Instant.now());
        old = keep(object("old", STUDY + ".1.2"), STUDY + ".1.2", "Other_Rule",
                Instant.now().minus(Duration.ofDays(40)));
        Files.setLastModifiedTime(old.object(), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new QuarantineCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--quarantine", quarantine.toString(), "--findings", findings.toString()));
        int status = cli.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void listsByStudyAndSeriesWithTerminalSafeText() {
        Run run = run("list");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Study " + STUDY).contains("  Series " + STUDY + ".1")
                .contains(pe.id().substring(0, 16)).contains("PE_In_Preamble").contains("MODALITY1@127.0.0.1")
                .contains("Evil?[31m^Name").doesNotContain("\u001b");
    }

    @Test
    void listFiltersAndPrintsJson() throws Exception {
        Run run = run("list", "--rule", "PE_In_Preamble", "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json).hasSize(1);
        JsonNode entries = json.get(0).path("series").get(0).path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("id").asText()).isEqualTo(pe.id());
        assertThat(entries.get(0).path("attributes").path("patientName").asText()).isEqualTo(HOSTILE_NAME);
        assertThat(run("list", "--since", "7d").out()).contains(pe.id().substring(0, 16))
                .doesNotContain(old.id().substring(0, 16));
        assertThat(run("list", "--study", "9.9").out()).contains("No entries.");
    }

    @Test
    void showPrintsTheVerdictAndHexAndIsRecorded() throws Exception {
        Run run = run("show", pe.id().substring(0, 8), "--user", "alice");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Match     default:PE_In_Preamble  region preamble  offsets [0]")
                .contains("00000000  4d 5a 90 00").contains("|MZ..PE-polyglot");
        assertThat(Files.readString(findings)).contains("\"event\":\"view\"").contains("\"user\":\"alice\"");
    }

    @Test
    void refusesBadIdsBeforeTheyTouchAPath() {
        Run run = run("show", "../../../etc/passwd");

        assertThat(run.status()).isEqualTo(QuarantineCommand.REFUSED);
        assertThat(run.err()).contains("hexadecimal");
    }

    @Test
    void releaseSendsToTheStowUrlAndWritesTheApproval() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stow", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            Run run = run("release", pe.id(), "--reason", "vendor preamble", "--user", "alice", "--stow-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/stow");

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("released " + pe.id() + " (HTTP 200");
        } finally {
            server.stop(0);
        }
        assertThat(bodies).singleElement().satisfies(b -> assertThat(indexOf(b, polyglot)).isPositive());
        assertThat(new Approvals(dir.resolve("approvals")).consume(pe.id())).isTrue();
        assertThat(run("list").out()).contains("released");
    }

    @Test
    void releaseAndPurgeNeedAReason() {
        assertThat(run("release", pe.id()).status()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("purge", pe.id()).status()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(pe.object()).exists();
    }

    @Test
    void purgesByIdAndByAge() throws Exception {
        Run byAge = run("purge", "--older-than", "30d", "--reason", "retention by hand");
        assertThat(byAge.status()).as(byAge.err()).isZero();
        assertThat(byAge.out()).contains("1 entries older than 30 days purged");
        assertThat(old.object()).doesNotExist();
        assertThat(pe.object()).exists();

        Run byId = run("purge", pe.id().substring(0, 10), "--reason", "malware", "--user", "bob");
        assertThat(byId.status()).as(byId.err()).isZero();
        assertThat(pe.object()).doesNotExist();
        assertThat(Files.readAllLines(findings)).filteredOn(l -> l.contains("\"event\":\"purge\"")).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("\"user\":\"bob\"").contains("\"reason\":\"malware\""));
    }

    @Test
    void exportsADefangedZip() throws Exception {
        Path zip = dir.resolve("out.zip");

        Run run = run("export", pe.id(), "--out", zip.toString());

        assertThat(run.status()).as(run.err()).isZero();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.stream().map(e -> e.getName()).toList()).containsExactlyInAnyOrder("README.txt",
                    pe.id() + ".sidecar.json.txt", pe.id() + ".dcm.xor5a.bin");
            byte[] xored = file.getInputStream(file.getEntry(pe.id() + ".dcm.xor5a.bin")).readAllBytes();
            assertThat(indexOf(xored, "MZ".getBytes(StandardCharsets.US_ASCII))).isNotZero();
        }
        assertThat(run("export", pe.id(), "--out", zip.toString()).status()).isNotZero();
    }

    @Test
    void aFailedExportLeavesNoZipAndNoJavaWords() throws Exception {
        Path zip = dir.resolve("failed.zip");
        Files.delete(pe.object());
        Files.createDirectory(pe.object());

        Run run = run("export", pe.id(), "--out", zip.toString());

        assertThat(run.status()).isNotZero();
        assertThat(zip).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("export"));
        }
        assertThat(run.err()).startsWith("yara-guard quarantine: ").doesNotContain("Exception", "\tat ");
    }

    private byte[] object(String name, String sop) throws IOException, InterruptedException {
        Path dump = dir.resolve(name + ".dump");
        Files.writeString(dump, String.join("\n", "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]",
                "(0008,0018) UI [" + sop + "]", "(0010,0010) PN [Evil^Name]", "(0020,000d) UI [" + STUDY + "]",
                "(0020,000e) UI [" + STUDY + ".1]", ""));
        Path out = dir.resolve(name + ".dcm");
        Process p = new ProcessBuilder("dump2dcm", dump.toString(), out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readAllBytes(out);
    }

    private QuarantineEntry keep(byte[] bytes, String sop, String rule, Instant at) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Sidecar sidecar = new Sidecar(sha, at.toString(), "stow-rs", "MODALITY1", "DCM4CHEE", "127.0.0.1",
                "enforce", "reject", Sidecar.QUARANTINED, "rs1", sha, bytes.length, true, "1.2.840.10008.1.2.1", null,
                new ReviewAttributes("1.2.840.10008.5.1.4.1.1.7", sop, STUDY, STUDY + ".1", "PID", HOSTILE_NAME,
                        "20260101", "OT", "ACC"),
                List.of(new Sidecar.Match(rule, "default", List.of(), Map.of(), "preamble", List.of(0L), "reject")),
                List.of(), List.of());
        return new Quarantine(quarantine).put(ByteBuffer.wrap(bytes), sidecar);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
