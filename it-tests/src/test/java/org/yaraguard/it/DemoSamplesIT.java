package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.yaraguard.rules.samples.SampleSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules module's demo set (real DCMTK objects with harmless fakes) sent over the STOW-like path through the
 * installed plugin and the default rules: each sample ends the way the default rules' actions say.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class DemoSamplesIT extends DeployedArchive {

    private enum Expected { CLEAN, TAGGED, REFUSED }

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("clean-ct.dcm", Expected.CLEAN),
            Map.entry("clean-photo-jpeg.dcm", Expected.CLEAN),
            Map.entry("clean-report-sr.dcm", Expected.CLEAN),
            Map.entry("clean-report-pdf.dcm", Expected.CLEAN),
            Map.entry("clean-tiff-dual-format.dcm", Expected.CLEAN),
            Map.entry("vendor-text-in-preamble.dcm", Expected.TAGGED),
            Map.entry("zip-in-private-element.dcm", Expected.TAGGED),
            Map.entry("pe-in-preamble.dcm", Expected.REFUSED),
            Map.entry("elf-in-preamble.dcm", Expected.REFUSED),
            Map.entry("orthanc-config-in-preamble.dcm", Expected.REFUSED),
            Map.entry("pdf-openaction-javascript.dcm", Expected.REFUSED),
            Map.entry("pdf-declared-but-exe.dcm", Expected.REFUSED),
            Map.entry("exe-in-trailing-data.dcm", Expected.REFUSED),
            Map.entry("eicar-test-string.dcm", Expected.REFUSED));

    @Test
    void everyDemoSampleEndsAsTheDefaultRulesSay() throws Exception {
        List<Path> demo = SampleSet.writeDemo(ItEnvironment.samplesFolder().resolve("demo"));
        assertThat(demo).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());

        for (Path file : demo) {
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            String sha256 = DicomSample.sha256(bytes);

            StoreOutcome outcome = archive.stow(bytes, "DEMOSCU");

            List<JsonNode> verdicts = FindingsLog.verdictsFor(sha256);
            switch (EXPECTED.get(name)) {
                case CLEAN -> {
                    assertThat(outcome.stored()).as("%s: %s", name, outcome).isTrue();
                    assertThat(verdicts).as("%s verdicts", name).isEmpty();
                }
                case TAGGED -> {
                    assertThat(outcome.stored()).as("%s: %s", name, outcome).isTrue();
                    assertThat(verdicts).as("%s verdicts", name).singleElement()
                            .satisfies(v -> assertThat(v.path("action").asText()).isEqualTo("tag"));
                    ArchiveRecord record = ArchiveRecord.read(outcome.records().get(0));
                    assertThat(ServedTags.slot(archive.metadata(record))).as("%s served private block", name)
                            .isPresent();
                }
                case REFUSED -> {
                    assertThat(outcome.refused()).as("%s: %s", name, outcome).isTrue();
                    assertThat(outcome.status()).isEqualTo(ItEnvironment.rejectStatus());
                    assertThat(QuarantineFolder.ids()).as("%s quarantined", name).contains(sha256);
                    assertThat(verdicts).as("%s verdicts", name).singleElement()
                            .satisfies(v -> assertThat(v.path("action").asText()).isEqualTo("reject"));
                }
            }
            if (outcome.stored() && EXPECTED.get(name) == Expected.CLEAN) {
                assertThat(ArchiveRecord.read(outcome.records().get(0)).receivedBytes()).as(name).isEqualTo(bytes);
            }
        }
    }
}
