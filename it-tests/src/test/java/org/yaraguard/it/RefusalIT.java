package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.yaraguard.it.archive.store.StandInDicomReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Infected objects are refused before the archive stores them: the sender gets the configured status
 * (yara-guard.reject.status, set by the build to a non-default value) and an error comment naming the rule, the
 * object as received and its sidecar are in the quarantine, one verdict line is in the findings log, and the
 * stand-in archive never stored the object.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class RefusalIT extends DeployedArchive {

    @Test
    void peInPreambleOnStowIsRefusedWithConfiguredStatusAndQuarantined() throws Exception {
        DicomSample polyglot = samples("refusal").image("pe", 101, null)
                .withPreamble("pe", DicomSamples.pePreamble());

        StoreOutcome outcome = archive.stow(polyglot.part10(), "STOWCLIENT");

        assertRefused(outcome, "preamble_pe_executable");
        assertNotStored(polyglot);
        Path quarantined = QuarantineFolder.object(polyglot.studyInstanceUid(), polyglot.sha256());
        assertThat(quarantined).hasBinaryContent(polyglot.part10());
        assertThat(Files.getPosixFilePermissions(quarantined)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(quarantined.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        JsonNode sidecar = QuarantineFolder.sidecar(polyglot.studyInstanceUid(), polyglot.sha256());
        assertThat(sidecar.path("id").asText()).isEqualTo(polyglot.sha256());
        assertThat(sidecar.path("sha256").asText()).isEqualTo(polyglot.sha256());
        assertThat(sidecar.path("action").asText()).isEqualTo("reject");
        assertThat(sidecar.path("source").asText()).isEqualTo("stow-rs");
        assertThat(sidecar.path("part10").asBoolean()).isTrue();
        assertThat(sidecar.path("bytes").asLong()).isEqualTo(polyglot.part10().length);
        assertThat(sidecar.path("attributes").path("sopInstanceUid").asText()).isEqualTo(polyglot.sopInstanceUid());
        assertThat(FindingsLog.rules(sidecar)).contains("preamble_pe_executable");
        assertOneVerdict(polyglot.sha256(), "reject", polyglot.sha256());
    }

    @Test
    void pdfWithJavaScriptOnCStoreIsRefused() throws Exception {
        DicomSample pdf = samples("refusal").pdf("pdf-js", 102, true);
        byte[] dataset = pdf.dataset();
        String sha256 = DicomSample.sha256(dataset);

        StoreOutcome outcome = archive.cStore(dataset, "MODALITY7");

        assertRefused(outcome, "pdf_");
        assertNotStored(pdf);
        assertThat(QuarantineFolder.object(pdf.studyInstanceUid(), sha256)).hasBinaryContent(dataset);
        JsonNode sidecar = QuarantineFolder.sidecar(pdf.studyInstanceUid(), sha256);
        assertThat(sidecar.path("source").asText()).isEqualTo("c-store");
        assertThat(sidecar.path("callingAet").asText()).isEqualTo("MODALITY7");
        assertThat(sidecar.path("part10").asBoolean()).isFalse();
        assertThat(sidecar.path("matches").findValuesAsText("region")).contains("encapsulated_document");
        assertOneVerdict(sha256, "reject", sha256);
    }

    @Test
    void pdfWithJavaScriptOnTheAttributePathsIsRefused() throws Exception {
        DicomSample pdf = samples("refusal").pdf("pdf-js-attributes", 103, true);
        DicomSample imported = pdf.variant(104);

        StoreOutcome metadata = archive.storeAttributes(pdf.part10(), "STOWCLIENT");
        StoreOutcome importing = archive.importOnStorage(imported.part10());

        assertRefused(metadata, "pdf_");
        assertRefused(importing, "pdf_");
        assertNotStored(pdf);
        assertNotStored(imported);
        String sent = StandInDicomReader.read(pdf.part10(), null).toString();
        try (Stream<Path> kept = Files.list(ItEnvironment.quarantineFolder().resolve(pdf.studyInstanceUid()))) {
            assertThat(kept.filter(f -> f.toString().endsWith(".dcm")).toList())
                    .as("the metadata store's quarantined entry is its whole dataset, not a stub")
                    .singleElement().satisfies(file -> assertThat(
                            StandInDicomReader.read(Files.readAllBytes(file), null).toString()).isEqualTo(sent));
        }
    }

    @Test
    void importIsJudgedOnTheFileItPointsToPreambleIncluded() throws Exception {
        DicomSample polyglot = samples("refusal").image("pe-import", 105, null)
                .withPreamble("pe-import", DicomSamples.pePreamble());

        StoreOutcome importing = archive.importOnStorage(polyglot.part10());

        assertRefused(importing, "preamble_pe_executable");
        assertNotStored(polyglot);
        assertThat(QuarantineFolder.object(polyglot.studyInstanceUid(), polyglot.sha256()))
                .hasBinaryContent(polyglot.part10());
        JsonNode sidecar = QuarantineFolder.sidecar(polyglot.studyInstanceUid(), polyglot.sha256());
        assertThat(sidecar.path("source").asText()).isEqualTo("import");
        assertOneVerdict(polyglot.sha256(), "reject", polyglot.sha256());
    }

    private static void assertRefused(StoreOutcome outcome, String rulePrefix) {
        assertThat(outcome.refused()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.status()).isEqualTo(ItEnvironment.rejectStatus());
        assertThat(outcome.message()).hasSizeLessThanOrEqualTo(64).contains(rulePrefix);
        assertThat(outcome.records()).isEmpty();
    }

    private static void assertNotStored(DicomSample sample) throws Exception {
        assertThat(ArchiveRecord.all()).noneMatch(r -> sample.sopInstanceUid().equals(r.sopInstanceUid()));
    }

    private static void assertOneVerdict(String sha256, String action, String quarantineId) throws Exception {
        assertThat(FindingsLog.verdictsFor(sha256)).singleElement().satisfies(verdict -> {
            assertThat(verdict.path("action").asText()).isEqualTo(action);
            assertThat(verdict.path("mode").asText()).isEqualTo("enforce");
            assertThat(verdict.path("quarantineId").asText()).isEqualTo(quarantineId);
        });
    }
}
