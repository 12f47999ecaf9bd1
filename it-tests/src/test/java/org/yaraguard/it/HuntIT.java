package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retro-hunt over DICOMweb against the stand-in archive: DCMTK-made objects are stored through its C-STORE path
 * with the plugin in monitor mode (so the infected ones get in, as they did before the rule existed), then
 * {@code yara-guard hunt --dicomweb} lists them with QIDO-RS, fetches them with WADO-RS and finds the infected ones;
 * {@code --reject} rejects them through IOCM so that QIDO and WADO no longer show them; a 500 from the
 * archive for one retrieve and for one rejection are listed failures and the hunt goes on.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class HuntIT extends DeployedArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String rs() {
        return "http://127.0.0.1:" + ItEnvironment.httpPort() + "/" + StandInArchive.CONTEXT_ROOT + "/aets/"
                + StandInArchive.AET + "/rs";
    }

    @Test
    void huntsOverDicomWebRejectsThroughIocmAndGoesOnAfterFailures() throws Exception {
        DicomSamples samples = samples("hunt");
        List<DicomSample> infected = List.of(samples.pdf("hunt-js-1", 920001, true),
                samples.pdf("hunt-js-2", 920002, true), samples.pdf("hunt-js-3", 920003, true));
        List<DicomSample> clean = new ArrayList<>();
        for (int n = 920010; n < 920018; n++) {
            clean.add(samples.image("hunt-clean-" + n, n, null));
        }
        for (DicomSample sample : concat(infected, clean)) {
            StoreOutcome stored = archive.cStore(sample.dataset(), ItEnvironment.monitorAet());
            assertThat(stored.stored()).as("%s: %s", sample.name(), stored).isTrue();
        }
        assertThat(studiesListed()).hasSize(11);
        Path work = Files.createTempDirectory(ItEnvironment.work(), "hunt");
        Path findings = work.resolve("findings.log");

        Run dry = hunt(work.resolve("dry"), findings);
        JsonNode drySummary = summary(work.resolve("dry"));
        assertThat(drySummary.path("objects").asLong()).as(dry.output()).isEqualTo(11);
        assertThat(drySummary.path("hits").asLong()).isEqualTo(3);
        Map<String, JsonNode> dryHits = hits(work.resolve("dry"));
        assertThat(dryHits.keySet()).containsExactlyInAnyOrderElementsOf(sops(infected));
        JsonNode hit = dryHits.get(infected.get(0).sopInstanceUid());
        assertThat(hit.path("source").asText()).isEqualTo("dicomweb");
        assertThat(hit.path("location").asText()).isEqualTo(rs() + "/studies/" + infected.get(0).studyInstanceUid()
                + "/series/" + DicomSamples.uid(DicomSamples.SERIES, 920001) + "/instances/"
                + infected.get(0).sopInstanceUid());
        assertThat(hit.path("rejection").isNull() || hit.path("rejection").isMissingNode()).isTrue();
        assertThat(studiesListed()).as("a dry run changes nothing").hasSize(11);

        String failingRejection = infected.get(2).sopInstanceUid();
        String failingRetrieve = clean.get(0).sopInstanceUid();
        fault("reject", failingRejection, "PUT");
        fault("wado", failingRetrieve, "PUT");
        try {
            Run applied = hunt(work.resolve("applied"), findings, "--reject");
            JsonNode summary = summary(work.resolve("applied"));
            Map<String, JsonNode> hits = hits(work.resolve("applied"));
            assertThat(hits.keySet()).as(applied.output()).containsExactlyInAnyOrderElementsOf(sops(infected));
            for (DicomSample rejected : infected.subList(0, 2)) {
                JsonNode rejection = hits.get(rejected.sopInstanceUid()).path("rejection");
                assertThat(rejection.path("status").asText()).as(rejection.toString()).isEqualTo("rejected");
                assertThat(rejection.path("httpStatus").asInt()).isEqualTo(200);
            }
            JsonNode failed = hits.get(failingRejection).path("rejection");
            assertThat(failed.path("status").asText()).isEqualTo("failed");
            assertThat(failed.path("httpStatus").asInt()).isEqualTo(500);
            assertThat(summary.path("objects").asLong()).isEqualTo(10);
            assertThat(summary.path("failures").toString()).contains(failingRetrieve).contains("HTTP 500");

            assertThat(studiesListed()).as("rejected instances leave QIDO")
                    .doesNotContain(infected.get(0).studyInstanceUid(), infected.get(1).studyInstanceUid())
                    .contains(infected.get(2).studyInstanceUid()).hasSize(9);
            assertThat(send("GET", instanceUrl(infected.get(0), 920001),
                    "multipart/related; type=\"application/dicom\"").statusCode()).as("and WADO").isEqualTo(404);
            HttpResponse<String> again = send("POST", instanceUrl(infected.get(0), 920001)
                    + "/reject/113037%5EDCM", "application/json");
            assertThat(again.statusCode()).as("a second rejection answers as the archive does").isEqualTo(404);
            assertThat(again.body()).isEqualTo("{\"errorMessage\":\"No instances of Study[UID="
                    + infected.get(0).studyInstanceUid() + "] found for rejection.\"}");
            assertThat(Files.readString(findings)).contains(infected.get(0).sopInstanceUid());
        } finally {
            fault("reject", failingRejection, "DELETE");
            fault("wado", failingRetrieve, "DELETE");
        }

        hunt(work.resolve("again"), findings, "--reject");
        Map<String, JsonNode> last = hits(work.resolve("again"));
        assertThat(last.keySet()).containsExactly(failingRejection);
        assertThat(last.get(failingRejection).path("rejection").path("status").asText()).isEqualTo("rejected");
        JsonNode lastSummary = summary(work.resolve("again"));
        assertThat(lastSummary.path("objects").asLong()).isEqualTo(9);
        assertThat(lastSummary.path("failures")).isEmpty();
        assertThat(studiesListed()).hasSize(8);
    }

    private static List<DicomSample> concat(List<DicomSample> a, List<DicomSample> b) {
        List<DicomSample> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> sops(List<DicomSample> samples) {
        return samples.stream().map(DicomSample::sopInstanceUid).toList();
    }

    private static String instanceUrl(DicomSample sample, int number) {
        return rs() + "/studies/" + sample.studyInstanceUid() + "/series/"
                + DicomSamples.uid(DicomSamples.SERIES, number) + "/instances/" + sample.sopInstanceUid();
    }

    /** The Study Instance UIDs QIDO-RS lists for this test's patients. */
    private List<String> studiesListed() throws IOException {
        HttpResponse<String> answer = send("GET", rs() + "/studies?PatientID=PID9200*&limit=100",
                "application/dicom+json");
        List<String> studies = new ArrayList<>();
        if (answer.statusCode() == 204) {
            return studies;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JSON.readTree(answer.body()).forEach(s -> studies.add(s.path("0020000D").path("Value").path(0).asText()));
        return studies;
    }

    private void fault(String kind, String sop, String method) throws IOException {
        HttpResponse<String> answer = send(method, "http://127.0.0.1:" + ItEnvironment.httpPort() + "/"
                + StandInArchive.CONTEXT_ROOT + "/standin/faults/" + kind + "/" + sop, "*/*");
        assertThat(answer.statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> send(String method, String url, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode summary(Path report) throws IOException {
        return JSON.readTree(report.resolve("summary.json").toFile());
    }

    /** The report's hits by SOP Instance UID. */
    private static Map<String, JsonNode> hits(Path report) throws IOException {
        Map<String, JsonNode> hits = new TreeMap<>();
        for (String line : Files.readAllLines(report.resolve("hits.jsonl"))) {
            JsonNode hit = JSON.readTree(line);
            hits.put(hit.path("sopInstanceUid").asText(), hit);
        }
        return hits;
    }

    private record Run(int exitCode, String output) {
    }

    /** {@code yara-guard hunt} over the stand-in's DICOMweb with the server's rules, as built. */
    private static Run hunt(Path report, Path findings, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ItEnvironment.cliJar().toString(), "hunt", "--dicomweb", rs(), "--qido", "PatientID=PID9200*",
                "--rules", ItEnvironment.rulesFolder().toString(), "--report", report.toString(),
                "--findings", findings.toString(), "--threads", "2"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("yara-guard hunt hung: " + output);
        }
        Run run = new Run(process.exitValue(), output);
        assertThat(Files.isRegularFile(report.resolve("summary.json"))).as(output).isTrue();
        return run;
    }
}
