package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaraguard.rules.Payload.ascii;
import static org.yaraguard.rules.Payload.concat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaraguard.rules.samples.FakeContent;
import org.yaraguard.rules.samples.Part10File;
import org.yaraguard.rules.samples.SampleCatalog;

/** containers.yar: archives anywhere (tagged), ZIPs with executable members (refused), archives after the dataset. */
class ContainerRulesTest extends RulesFixture {

    private static final String EXECUTABLE_MEMBER = "zip_with_executable_member";
    private static final String ARCHIVE = "archive_in_object";
    private static final byte[] VENDOR_HEADER = ascii("ACMEVNDR\u0001\u0000\u0002\u0000HDR\u0000");

    @Test
    void archivesInPrivateElementsAreTagged() throws Exception {
        assertMatches(samples.zipInPrivateElement(), ARCHIVE, "object", "tag");
        assertMatches(samples.oleInPrivateElement(), ARCHIVE, "object", "tag");
    }

    @Test
    void archivesAtAnyOffsetAreTagged() throws Exception {
        byte[] rar = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00};
        byte[] sevenZip = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0x00, 0x04};
        byte[] cabinet = Payload.at(new byte[36], 0, new byte[] {'M', 'S', 'C', 'F', 0, 0, 0, 0, 36});
        cabinet[24] = 3;
        cabinet[25] = 1;
        byte[][] archives = {rar, sevenZip, cabinet, FakeContent.oleHeader(8), FakeContent.zipArchive(0)};
        for (byte[] magic : archives) {
            byte[] view = concat(Payload.noise(33, 1), magic, new byte[64]);
            assertThat(scanRegion(view, "object")).containsExactly(ARCHIVE);
        }
        assertThat(scanRegion(concat(Payload.noise(33, 1), FakeContent.zipArchive(0)), "reassembled_value"))
                .containsExactly(ARCHIVE);
    }

    @Test
    void vendorDataAndExecutablesAreNoArchives() throws Exception {
        assertNoMatch(samples.cleanVendorPrivateData(), ARCHIVE);
        assertNoMatch(samples.peInPrivateElement(), ARCHIVE);
        byte[] zipMagicAlone = concat(Payload.noise(100, 2), new byte[] {'P', 'K', 3, 4}, Payload.noise(100, 3));
        assertThat(scanRegion(zipMagicAlone, "object")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.exe", "Setup.EXE", "lib/helper.dll", "report.pdf.ps1", "run.js", "viewer.jar",
        "open.lnk", "start.bat", "x.hta", "tool.psm1", "install.sh", "manual.chm", "setup.exe.", "setup.exe ",
        "scans/department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/department-of-radiology-archive/"
            + "department-of-radiology-archive/department-of-radiology-archive/viewer.exe"})
    void zipsNamingExecutableMembersAreRefusedWherever(String member) throws Exception {
        byte[] zip = Payload.zipHolding(member);
        assertMatches(privateValue(concat(VENDOR_HEADER, zip)), EXECUTABLE_MEMBER, "object", "reject");
        assertThat(scanRegion(zip, "swapped_value")).containsExactly(EXECUTABLE_MEMBER);
    }

    @Test
    void aUnicodePathFieldNamingAnExecutableIsRefused() throws Exception {
        assertMatches(privateValue(Payload.zipWithUnicodePath("readme.txt", "setup.exe")), EXECUTABLE_MEMBER,
                "object", "reject");
        assertMatches(privateValue(Payload.zipWithUnicodePath("readme.txt", "setup.exe.")), EXECUTABLE_MEMBER,
                "object", "reject");
        assertThat(rules.scan(privateValue(Payload.zipWithUnicodePath("readme.txt", "r\u00e9sum\u00e9.txt"))))
                .extracting(Hit::rule).containsExactly(ARCHIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"readme.txt", "setup.exe.txt", "jsonl", "image.jpg", "notes.json", "scans/"})
    void zipsOfDataMembersAreOnlyTagged(String member) throws Exception {
        assertThat(rules.scan(privateValue(Payload.zipHolding(member))))
                .extracting(Hit::rule).containsExactly(ARCHIVE);
    }

    @Test
    void archivesAfterTheDatasetAreRefused() throws Exception {
        assertMatches(samples.zipInTrailingData(), "archive_in_trailing_data", "trailing_data", "reject");
        byte[] padded = Part10File.read(samples.cleanCt())
                .withTrailingData(concat(new byte[64], FakeContent.oleHeader(512))).toBytes();
        assertMatches(padded, "archive_in_trailing_data", "trailing_data", "reject");
    }

    @Test
    void zerosOrAnExecutableAfterTheDatasetAreNoArchive() throws Exception {
        assertNoMatch(samples.zerosInTrailingData(), "archive_in_trailing_data");
        assertNoMatch(samples.peInTrailingData(), "archive_in_trailing_data");
    }

    @Test
    void zipInAPrivateElementIsNotTrailingData() throws Exception {
        assertNoMatch(samples.zipInPrivateElement(), "archive_in_trailing_data");
    }

    private byte[] privateValue(byte[] payload) throws Exception {
        return SampleCatalog.withPrivatePayload(Part10File.read(samples.cleanCt()), payload).toBytes();
    }
}
