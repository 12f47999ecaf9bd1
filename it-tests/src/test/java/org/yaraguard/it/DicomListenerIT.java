package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real DICOM peer (DCMTK's storescu) against the stand-in archive's C-STORE SCP with the plugin installed: a clean
 * object is stored (0000H), an infected one refused with the configured status and quarantined, and the command
 * line's {@code yara-guard smoke} (the built CLI jar, run as an administrator runs it) passes, in enforce mode and
 * for the AE title the build puts in monitor mode.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class DicomListenerIT extends DeployedArchive {

    @Test
    void cleanObjectSentByStorescuIsStored() throws Exception {
        DicomSample clean = samples("net").image("net-clean", 881, "just a vendor note");
        Path file = write(clean);

        StoreScu.Sent sent = StoreScu.send(file, "NETMODALITY");

        assertThat(sent.status()).as(sent.output()).isZero();
        assertThat(sent.exitCode()).isZero();
        assertThat(ArchiveRecord.all()).filteredOn(r -> clean.sopInstanceUid().equals(r.sopInstanceUid()))
                .singleElement().satisfies(r -> {
                    assertThat(r.callingAet()).isEqualTo("NETMODALITY");
                    assertThat(r.entry()).isEqualTo("store-stream");
                    assertThat(r.receivedSha256()).isEqualTo(DicomSample.sha256(clean.dataset()));
                });
    }

    @Test
    void infectedObjectSentByStorescuIsRefusedWithTheConfiguredStatusAndQuarantined() throws Exception {
        DicomSample pdf = samples("net").pdf("net-pdf-js", 882, true);
        String sha256 = DicomSample.sha256(pdf.dataset());

        StoreScu.Sent sent = StoreScu.send(write(pdf), "NETMODALITY");

        assertThat(sent.status()).as(sent.output()).isEqualTo(ItEnvironment.rejectStatus());
        assertThat(sent.output()).contains("pdf_");
        assertThat(ArchiveRecord.all()).noneMatch(r -> pdf.sopInstanceUid().equals(r.sopInstanceUid()));
        JsonNode sidecar = QuarantineFolder.sidecar(pdf.studyInstanceUid(), sha256);
        assertThat(sidecar.path("source").asText()).isEqualTo("c-store");
        assertThat(sidecar.path("callingAet").asText()).isEqualTo("NETMODALITY");
        assertThat(sidecar.path("calledAet").asText()).isEqualTo(StandInArchive.AET);
        assertThat(QuarantineFolder.object(pdf.studyInstanceUid(), sha256)).hasBinaryContent(pdf.dataset());
    }

    @Test
    void smokeTestPassesAgainstTheInstalledPlugin() throws Exception {
        Run smoke = yaraGuard("smoke", "--host", "127.0.0.1", "--port", Integer.toString(ItEnvironment.dicomPort()),
                "--aet", StandInArchive.AET, "--status", String.format("0x%04X", ItEnvironment.rejectStatus()),
                "--quarantine", ItEnvironment.quarantineFolder().toString());

        assertThat(smoke.exitCode()).as(smoke.output()).isZero();
        assertThat(smoke.output()).contains("as expected: refused").contains("quarantined as").contains("PASS");
    }

    @Test
    void smokeTestFailsWhenTheArchiveAnswersAnotherStatusAndPassesInMonitorMode() throws Exception {
        String port = Integer.toString(ItEnvironment.dicomPort());
        Run wrongStatus = yaraGuard("smoke", "--host", "127.0.0.1", "--port", port, "--aet", StandInArchive.AET,
                "--status", "0x0124", "--quarantine", ItEnvironment.quarantineFolder().toString());
        Run monitor = yaraGuard("smoke", "--host", "127.0.0.1", "--port", port, "--aet", StandInArchive.AET,
                "--calling-aet", ItEnvironment.monitorAet(), "--monitor",
                "--findings", ItEnvironment.findingsLog().toString());

        assertThat(wrongStatus.exitCode()).as(wrongStatus.output()).isEqualTo(1);
        assertThat(wrongStatus.output()).contains("not the expected 0x0124");
        assertThat(monitor.exitCode()).as(monitor.output()).isZero();
        assertThat(monitor.output()).contains("stored (monitor mode)").contains("PASS");
    }

    private record Run(int exitCode, String output) {
    }

    /** The command line as built ({@code cli/target/yara-guard.jar}), run in a JVM of its own. */
    private static Run yaraGuard(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ItEnvironment.cliJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("yara-guard hung: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private static Path write(DicomSample sample) throws IOException {
        Path file = ItEnvironment.samplesFolder().resolve("net").resolve(sample.name() + "-sent.dcm");
        Files.write(file, sample.part10());
        return file;
    }
}
