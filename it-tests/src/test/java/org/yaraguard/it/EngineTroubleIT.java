package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine trouble follows the configuration: the tests' rule it_slow_for_timeouts runs a quadratic loop for
 * objects from SLOWSCU only, so a 1 MiB image from there exceeds yara-guard.scan.timeout (set low by the build)
 * and yara-guard.on.timeout (default reject) refuses and quarantines it with the trouble recorded; the same kind
 * of image from another AE is scanned in time and stored.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class EngineTroubleIT extends DeployedArchive {

    @Test
    void scanTimeoutIsRefusedAsConfigured() throws Exception {
        DicomSample big = samples("trouble").image("big", 401, null, 1024);
        byte[] dataset = big.dataset();
        String sha256 = DicomSample.sha256(dataset);

        StoreOutcome outcome = archive.cStore(dataset, "SLOWSCU");

        assertThat(outcome.refused()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.status()).isEqualTo(ItEnvironment.rejectStatus());
        assertThat(outcome.message()).hasSizeLessThanOrEqualTo(64);
        assertThat(QuarantineFolder.object(big.studyInstanceUid(), sha256)).hasBinaryContent(dataset);
        JsonNode sidecar = QuarantineFolder.sidecar(big.studyInstanceUid(), sha256);
        assertThat(sidecar.path("trouble").asText()).containsIgnoringCase("timeout");
        assertThat(FindingsLog.verdictsFor(sha256)).singleElement()
                .satisfies(v -> assertThat(v.path("trouble").asText()).containsIgnoringCase("timeout"));
    }

    @Test
    void sameSizeFromAnotherSenderIsStored() throws Exception {
        DicomSample big = samples("trouble").image("big-other", 402, null, 1024);

        StoreOutcome outcome = archive.cStore(big.dataset(), "FASTSCU");

        assertThat(outcome.stored()).as("outcome %s", outcome).isTrue();
        assertThat(ArchiveRecord.read(outcome.records().get(0)).receivedBytes()).isEqualTo(big.dataset());
    }
}
