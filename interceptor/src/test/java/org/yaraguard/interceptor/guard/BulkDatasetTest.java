package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.dicom.Region;

class BulkDatasetTest {

    @Test
    void theInspectorReadsTheRebuiltDatasetWithoutAnomalies() {
        byte[] pdf = "%PDF-1.4 /OpenAction /JavaScript (app.alert(1)) odd".getBytes(StandardCharsets.US_ASCII);
        byte[] privateValue = new byte[300];
        BulkDataset dataset = new BulkDataset().text(0x0020000D, "UI", "1.2.3.4").text(0x00100010, "PN", "Doe^Jane")
                .text(0x00420012, "LO", "application/pdf").bytes(0x00420011, "OB", pdf)
                .bytes(0x00091010, "OB", privateValue).text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.104.1");

        Inspection inspection = new DicomInspector(InspectionLimits.defaults())
                .inspect(ByteBuffer.wrap(dataset.encode()), BulkDataset.TRANSFER_SYNTAX);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.part10()).isFalse();
        assertThat(inspection.attributes().studyInstanceUid()).isEqualTo("1.2.3.4");
        assertThat(inspection.attributes().patientName()).isEqualTo("Doe^Jane");
        assertThat(inspection.encapsulatedMimeType()).isEqualTo("application/pdf");
        assertThat(inspection.regions()).extracting(Region::name)
                .contains(Region.ENCAPSULATED_DOCUMENT, Region.PRIVATE_VALUE);
        Region document = inspection.regions().stream().filter(r -> r.name().equals(Region.ENCAPSULATED_DOCUMENT))
                .findFirst().orElseThrow();
        byte[] read = new byte[pdf.length];
        document.bytes().duplicate().get(read);
        assertThat(read).isEqualTo(pdf);
    }

    @Test
    void onlyTextValuesAreNothingToScan() {
        assertThat(new BulkDataset().text(0x0020000D, "UI", "1.2.3").hasBulkValues()).isFalse();
        assertThat(new BulkDataset().bytes(0x00420011, "OB", new byte[0]).hasBulkValues()).isTrue();
    }
}
