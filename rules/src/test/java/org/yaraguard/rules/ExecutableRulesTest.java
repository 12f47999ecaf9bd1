package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaraguard.rules.Payload.ascii;
import static org.yaraguard.rules.Payload.at;
import static org.yaraguard.rules.Payload.concat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaraguard.rules.samples.DicomElement;
import org.yaraguard.rules.samples.FakeContent;
import org.yaraguard.rules.samples.Part10File;
import org.yaraguard.rules.samples.SampleCatalog;

/** executables.yar: PE, ELF and Mach-O by their structure, wherever they sit in the object or a derived view. */
class ExecutableRulesTest extends RulesFixture {

    private static final String IN_OBJECT = "executable_in_object";
    private static final String IN_DERIVED_VIEW = "executable_in_derived_view";
    private static final byte[] VENDOR_HEADER = ascii("ACMEVNDR\u0001\u0000\u0002\u0000HDR\u0000");

    @Test
    void executablesInPrivateElementsAreRefused() throws Exception {
        assertMatches(samples.peInPrivateElement(), IN_OBJECT, "object", "reject");
        assertMatches(samples.elfInPrivateElement(), IN_OBJECT, "object", "reject");
        assertMatches(samples.machoInPrivateElement(), IN_OBJECT, "object", "reject");
    }

    @Test
    void peBehindAVendorHeaderIsRefused() throws Exception {
        assertMatches(privateValue(concat(VENDOR_HEADER, FakeContent.peWithDosStub(512))), IN_OBJECT, "object",
                "reject");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x1001, 0xFFF0})
    void peIsFoundThroughItsMzAtOddOffsetsAndFarELfanew(int lfanew) throws Exception {
        byte[] pe = Payload.peNeedingMz(lfanew, lfanew + 64);
        assertThat(scanRegion(concat(ascii("ACME-07"), pe), "object")).contains(IN_OBJECT);
    }

    @Test
    void anImageHeaderWithItsOptionalHeaderMagicNeedsNoMz() throws Exception {
        byte[] far = concat(Payload.noise(70_000, 1), FakeContent.peSignature(), new byte[64]);
        assertThat(scanRegion(far, "object")).contains(IN_OBJECT);
        byte[] shortOptionalHeader = concat(VENDOR_HEADER, Payload.peFarWithShortOptionalHeader());
        assertThat(scanRegion(shortOptionalHeader, "object")).contains(IN_OBJECT);
    }

    @Test
    void aCoffHeaderWithoutMzOrOptionalHeaderIsNoExecutable() throws Exception {
        byte[] alone = concat(Payload.noise(1000, 2), Payload.coffWithoutOptionalMagic(), new byte[64]);
        assertThat(scanRegion(alone, "object")).isEmpty();
        byte[] mzTooFar = concat(Payload.noise(10, 7), Payload.dosHeader(0x20000), new byte[0x20000 - 64],
                Payload.coffWithoutOptionalMagic());
        assertThat(scanRegion(mzTooFar, "object")).isEmpty();
    }

    @Test
    void executablesAfterPaddingInTrailingDataAreRefused() throws Exception {
        byte[] object = Part10File.read(samples.cleanCt())
                .withTrailingData(concat(new byte[64], FakeContent.elfHeader(128))).toBytes();
        assertMatches(object, IN_OBJECT, "object", "reject");
        assertMatches(samples.peInTrailingData(), IN_OBJECT, "object", "reject");
    }

    @Test
    void textQuotingTheDosStubIsNoExecutable() throws Exception {
        byte[] object = Part10File.read(samples.cleanCt()).with(DicomElement.text(SampleCatalog.IMAGE_COMMENTS, "LT",
                "Installer said: This program cannot be run in DOS mode. MZ, PE and ELF are file types.")).toBytes();
        assertClean(object);
        assertThat(scanRegion(ascii("This program cannot be run in DOS mode.\r\r\n$"), "pdf_stream")).isEmpty();
    }

    @Test
    void pixelsThatLookLikeHeadersAreNoExecutable() throws Exception {
        byte[] mzAndPeFarApart = at(at(Payload.noise(200_000, 3), 1000, ascii("MZ")), 150_000,
                new byte[] {'P', 'E', 0, 0});
        assertThat(scanRegion(mzAndPeFarApart, "object")).isEmpty();
        byte[] elfMagicOnly = at(Payload.noise(4096, 4), 300, new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        assertThat(scanRegion(elfMagicOnly, "object")).isEmpty();
        assertThat(scanRegion(at(Payload.noise(4096, 5), 8, FakeContent.javaClassHeader(64)), "object")).isEmpty();
    }

    @Test
    void aFlatImageOfMzPixelsIsScannedCompletelyAndClean() throws Exception {
        // 0x5A4D is "MZ": a rule anchored on it would pass libyara's match limit and make the scan incomplete
        assertClean(privateValue(Payload.flat16(0x5A4D, 3_000_000)));
    }

    @Test
    void aFloodOfExecutableIdentifiersIsRefusedWithoutWalkingEveryOne() throws Exception {
        byte[] elfIdent = {0x7F, 'E', 'L', 'F', 1, 1, 1, 0};
        byte[] machoThin = {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 0};
        assertThat(scanRegion(concat(ascii("ACME-07"), repeat(elfIdent, 65)), "object")).contains(IN_OBJECT);
        assertThat(scanRegion(concat(ascii("ACME-07"), repeat(machoThin, 65)), "object")).contains(IN_OBJECT);
        assertThat(scanRegion(concat(ascii("ACME-07"), repeat(elfIdent, 64)), "object")).isEmpty();
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    @Test
    void executablesInDerivedViewsAreRefused() throws Exception {
        byte[] pe = concat(VENDOR_HEADER, FakeContent.peWithDosStub(512));
        assertThat(scanRegion(pe, "reassembled_value")).contains(IN_DERIVED_VIEW);
        assertThat(scanRegion(pe, "swapped_value")).contains(IN_DERIVED_VIEW);
        assertThat(scanRegion(concat(ascii("BT ET\n"), FakeContent.elfHeader(64)), "pdf_stream"))
                .contains(IN_DERIVED_VIEW);
        assertThat(scanRegion(FakeContent.machoFatHeader(64), "inflated_dataset")).contains(IN_DERIVED_VIEW);
        // split across fragments: the DOS header in one, the PE header in the next
        byte[] joined = concat(Payload.dosHeader(0x40), Payload.coffWithoutOptionalMagic());
        assertThat(scanRegion(joined, "reassembled_value")).contains(IN_DERIVED_VIEW);
    }

    @Test
    void derivedViewsOfPlainDataAreNoExecutable() throws Exception {
        assertThat(scanRegion(Payload.noise(100_000, 6), "reassembled_value")).isEmpty();
        assertThat(scanRegion(Payload.swapped(FakeContent.peWithDosStub(512)), "object")).isEmpty();
    }

    @Test
    void executableAsOrInsideAnEncapsulatedDocumentIsRefused() throws Exception {
        String rule = "executable_in_encapsulated_document";
        assertMatches(samples.peAsEncapsulatedDocument(), rule, "encapsulated_document", "reject");
        assertMatches(samples.pdfWithElfInside(), rule, "encapsulated_document", "reject");
        assertNoMatch(samples.cleanPdfReport(), rule);
        assertNoMatch(samples.pdfEmbeddedFile(), rule);
    }

    @Test
    void preamblePolyglotsAreReportedOnceByThePreambleRules() throws Exception {
        assertNoMatch(samples.pePreamble(), IN_OBJECT);
        assertNoMatch(samples.pePreambleHeaderElsewhere(), IN_OBJECT);
        assertNoMatch(samples.elfPreamble(), IN_OBJECT);
    }

    @Test
    void executableSentAsAnObjectIsRefusedOnce() throws Exception {
        assertMatches(samples.bareExecutable(), "executable_not_dicom", "object", "reject");
        assertNoMatch(samples.bareExecutable(), IN_OBJECT);
    }

    @Test
    void part10FilesAndBareDatasetsAreNotExecutablesSentAsObjects() throws Exception {
        assertNoMatch(samples.bareDataset(), "executable_not_dicom");
        assertNoMatch(samples.pePreamble(), "executable_not_dicom");
    }

    private byte[] privateValue(byte[] payload) throws Exception {
        return SampleCatalog.withPrivatePayload(Part10File.read(samples.cleanCt()), payload).toBytes();
    }
}
