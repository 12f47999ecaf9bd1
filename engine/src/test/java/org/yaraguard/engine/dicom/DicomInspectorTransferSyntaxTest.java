package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DicomInspectorTransferSyntaxTest {

    private static final InspectionLimits LIMITS = InspectionLimits.defaults();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "+te, 1.2.840.10008.1.2.1",
        "+ti, 1.2.840.10008.1.2",
        "+tb, 1.2.840.10008.1.2.2",
        "+td, 1.2.840.10008.1.2.1.99",
    })
    void readsAttributesAndPrivateValuesOfEveryUncompressedSyntax(String option, String uid) throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                option));

        Inspection inspection = new DicomInspector(LIMITS).inspect(ByteBuffer.wrap(file), null);

        InspectionInvariants.check(file, inspection, LIMITS);
        assertThat(inspection.part10()).isTrue();
        assertThat(inspection.transferSyntaxUid()).isEqualTo(uid);
        assertThat(inspection.anomalies()).isEmpty();
        assertSampleAttributes(inspection.attributes());
        List<Region> privates = regions(inspection, Region.PRIVATE_VALUE);
        assertThat(privates).extracting(Region::tag).containsExactly(0x00111001, 0x00091001);
        assertThat(privates).allSatisfy(region -> assertThat(InspectionInvariants.contents(region.bytes()))
                .isEqualTo(DcmtkFixture.privateValue()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-e", "+e"})
    void walksSequencesOfDefinedAndUndefinedLengthInImplicitVr(String lengthOption) throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                "+ti", lengthOption));

        Inspection inspection = new DicomInspector(LIMITS).inspect(ByteBuffer.wrap(file), null);

        assertThat(inspection.anomalies()).isEmpty();
        assertThat(regions(inspection, Region.PRIVATE_VALUE)).extracting(Region::tag)
                .containsExactly(0x00111001, 0x00091001);
        assertSampleAttributes(inspection.attributes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+te", "+tb", "+ti"})
    void fallsBackToTheFileMetaForSopClassAndInstance(String option) throws IOException {
        String dump = "(0002,0002) UI =CTImageStorage\n(0002,0003) UI [1.2.3.9]\n(0010,0020) LO [X]\n";
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("meta-only", dump, option, "+E"));

        Inspection inspection = new DicomInspector(LIMITS).inspect(ByteBuffer.wrap(file), null);

        assertThat(inspection.attributes().sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(inspection.attributes().sopInstanceUid()).isEqualTo("1.2.3.9");
        assertThat(inspection.attributes().patientId()).isEqualTo("X");
        assertThat(inspection.attributes().studyInstanceUid()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+te", "+ti"})
    void prefersTheDatasetOverTheFileMeta(String option) throws IOException {
        String dump = "(0002,0002) UI =CTImageStorage\n(0002,0003) UI [1.2.3.9]\n" + DcmtkFixture.sampleDump();
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("both", dump, option, "+E"));

        Inspection inspection = new DicomInspector(LIMITS).inspect(ByteBuffer.wrap(file), null);

        assertThat(inspection.attributes().sopClassUid()).isEqualTo(DcmtkFixture.SECONDARY_CAPTURE);
        assertThat(inspection.attributes().sopInstanceUid()).isEqualTo(DcmtkFixture.SOP_INSTANCE_UID);
    }

    @Test
    void reportsTheInflatedDatasetAndTheRegionsInsideItAsDerived() throws IOException {
        byte[] file = Files.readAllBytes(new DcmtkFixture(folder).dump2dcm("sample", DcmtkFixture.sampleDump(),
                "+td"));

        Inspection inspection = new DicomInspector(LIMITS).inspect(ByteBuffer.wrap(file), null);

        Region inflated = regions(inspection, Region.INFLATED_DATASET).get(0);
        assertThat(inflated.offset()).isEqualTo(-1);
        assertThat(inflated.bytes().isDirect()).isTrue();
        assertThat(inflated.bytes().remaining()).isGreaterThan(2 * DcmtkFixture.PRIVATE_VALUE_BYTES);
        assertThat(regions(inspection, Region.PRIVATE_VALUE)).extracting(Region::offset).containsOnly(-1L);
    }

    static void assertSampleAttributes(ReviewAttributes attributes) {
        assertThat(attributes).isEqualTo(new ReviewAttributes(DcmtkFixture.SECONDARY_CAPTURE,
                DcmtkFixture.SOP_INSTANCE_UID, DcmtkFixture.STUDY_UID, DcmtkFixture.SERIES_UID,
                DcmtkFixture.PATIENT_ID, DcmtkFixture.PATIENT_NAME, DcmtkFixture.STUDY_DATE, "OT",
                DcmtkFixture.ACCESSION));
    }

    static List<Region> regions(Inspection inspection, String name) {
        return inspection.regions().stream().filter(region -> region.name().equals(name)).toList();
    }
}
