package org.yaraguard.cli.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.cli.YaraGuard;
import picocli.CommandLine;

/** The smoke test's verdicts against real DCMTK peers; its pass is shown by the it-tests' refusing archive. */
class SmokeCommandTest {

    @TempDir
    Path work;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void withoutStorescuItCannotTellAndSaysSo() {
        int status = run("smoke", "--host", "127.0.0.1", "--port", "11112", "--aet", "DCM4CHEE",
                "--storescu", work.resolve("no-such-storescu").toString());
        assertThat(status).isEqualTo(SmokeCommand.CANNOT_TELL);
        assertThat(err.toString()).contains("storescu is not installed").contains("nothing was sent");
    }

    @Test
    void noArchiveListeningCannotTell() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        int status = run("smoke", "--host", "127.0.0.1", "--port", Integer.toString(port), "--aet", "DCM4CHEE",
                "--quarantine", work.toString());
        assertThat(status).isEqualTo(SmokeCommand.CANNOT_TELL);
        assertThat(err.toString()).contains("no C-STORE response").contains("Connection refused");
    }

    @Test
    void anArchiveThatStoresTheTestObjectFails() throws Exception {
        Path received = Files.createDirectories(work.resolve("received"));
        try (StoreScp archive = new StoreScp(received)) {
            int status = run("smoke", "--host", "127.0.0.1", "--port", Integer.toString(archive.port),
                    "--aet", "ANY-SCP", "--quarantine", work.toString());
            assertThat(status).as("out: %s err: %s", out, err).isEqualTo(SmokeCommand.FAIL);
        }
        assertThat(out.toString()).contains("STORED the test object (status 0x0000)");
        try (Stream<Path> files = Files.list(received)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void monitorModeWithoutAVerdictInTheFindingsLogFails() throws Exception {
        Path findings = Files.writeString(work.resolve("findings.log"), "{\"sha256\":\"" + "0".repeat(64) + "\"}\n");
        try (StoreScp archive = new StoreScp(Files.createDirectories(work.resolve("received")))) {
            int status = run("smoke", "--host", "127.0.0.1", "--port", Integer.toString(archive.port),
                    "--aet", "ANY-SCP", "--monitor", "--findings", findings.toString(), "--wait", "1");
            assertThat(status).as("out: %s err: %s", out, err).isEqualTo(SmokeCommand.FAIL);
        }
        assertThat(out.toString()).contains("answered 0x0000, as expected").contains("no verdict for it");
    }

    @Test
    void theDatasetStorescuSendsHasTheHashTheQuarantineIsSearchedFor() throws Exception {
        SmokeSample sample = SmokeSample.write(Files.createDirectories(work.resolve("sample")));
        Path received = Files.createDirectories(work.resolve("received"));
        try (StoreScp archive = new StoreScp(received)) {
            StoreResponse response = new StoreScu("storescu").send("127.0.0.1", archive.port, "YG-TEST", "ANY-SCP",
                    sample.file());
            assertThat(response.status()).hasValue(0);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(received)) {
            files = listed.toList();
        }
        byte[] stored = Files.readAllBytes(files.get(0));
        // storescp writes its own file meta; the dataset after it is what a C-STORE SCP hands to the archive
        assertThat(sample.hashes()).contains(SmokeSample.sha256(stored, SmokeSample.datasetOffset(stored)));
    }

    @Test
    void theExpectedStatusFollowsAWildFlyEnvironmentExpression() {
        String setting = "${env.YG_REJECT_STATUS:0xA700}";
        assertThat(SmokeCommand.expectedStatus(setting, Map.of("YG_REJECT_STATUS", "0xC123"))).isEqualTo(0xC123);
        assertThat(SmokeCommand.expectedStatus(setting, Map.of())).isEqualTo(0xA700);
        assertThat(SmokeCommand.expectedStatus("${env.YG_REJECT_STATUS}", Map.of())).isEqualTo(0x0124);
        assertThat(SmokeCommand.expectedStatus(" 0xC001 ", Map.of())).isEqualTo(0xC001);
        assertThat(SmokeCommand.expectedStatus(null, Map.of())).isEqualTo(0x0124);
        assertThatThrownBy(() -> SmokeCommand.expectedStatus("${env.X:refuse}", Map.of()))
                .isInstanceOf(NumberFormatException.class).hasMessage("'refuse'");
    }

    @Test
    void statusIsTheLastDimseStatusAndProblemsAreTheLastErrorLine() {
        StoreResponse refused = StoreResponse.parse(1, """
                D: DIMSE Status                  : 0x0000: Success
                D: DIMSE Status                  : 0xc123: Unknown Status Code
                E: Store Failed, file: x.dcm:
                E: 0006:0317 Peer aborted Association (or never connected)
                """);
        assertThat(refused.status()).hasValue(0xC123);
        assertThat(refused.problem()).isEqualTo("0006:0317 Peer aborted Association (or never connected)");
        assertThat(StoreResponse.parse(1, "F: Association Rejected\u001b[2J").status()).isEmpty();
        assertThat(StoreResponse.parse(1, "F: Association Rejected\u001b[2J").problem()).isEqualTo("Association Rejected?[2J");
    }

    @Test
    void tracesAreFoundInTheQuarantineAndInRotatedFindingsLogs() throws Exception {
        String hash = "ab".repeat(32);
        Path quarantine = Files.createDirectories(work.resolve("quarantine/1.2.3"));
        assertThat(SmokeTraces.inQuarantine(work.resolve("quarantine"), Set.of(hash))).isEmpty();
        Files.write(quarantine.resolve(hash + ".dcm"), new byte[] {1});
        assertThat(SmokeTraces.inQuarantine(work.resolve("quarantine"), Set.of(hash)))
                .hasValue(quarantine.resolve(hash + ".dcm"));
        Path logs = Files.createDirectories(work.resolve("log"));
        Files.writeString(logs.resolve("findings.log"), "{}\n");
        assertThat(SmokeTraces.inFindings(logs.resolve("findings.log"), Set.of(hash))).isEmpty();
        Files.writeString(logs.resolve("findings.log.1"), "{\"sha256\":\"" + hash + "\"}\n");
        assertThat(SmokeTraces.inFindings(logs.resolve("findings.log"), Set.of(hash)))
                .hasValue(logs.resolve("findings.log.1"));
    }

    private int run(String... args) {
        CommandLine commandLine = YaraGuard.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
