package org.yaraguard.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.spool.SpooledObject;

/**
 * Rules that never name the region run on the whole object, on views of new bytes and on every slice but the preamble,
 * a prefix of the object whose bytes the whole-object scan saw at the same offsets; rules that name the region run
 * everywhere.
 */
class ObjectScannerSliceTest {

    /** Text that only the inflated view of a deflated dataset shows. */
    private static final String DEFLATED_MARKER = "YG-ONLY-AFTER-INFLATION";

    @TempDir
    Path work;

    Path rulesDir;

    @BeforeEach
    void setUp() throws Exception {
        rulesDir = Files.createDirectories(work.resolve("rules"));
        Files.writeString(rulesDir.resolve("ours.yar"), """
                rule MZ_In_Preamble { meta: action = "reject"
                  condition: region == "preamble" and uint16(0) == 0x5A4D }
                """);
        // Third-party rules: none names the region. Tiny_File is true for the 128-byte preamble slice only.
        Files.writeString(rulesDir.resolve("third-party.yar"), """
                rule Tiny_File { condition: filesize < 200 }
                rule Mz_At_Start { condition: uint16(0) == 0x5A4D }
                rule Marker { strings: $m = "%s" condition: $m }
                rule Pdf_At_Start { condition: uint32(0) == 0x46445025 }
                """.formatted(DEFLATED_MARKER));
    }

    @Test
    void aRuleThatNeverNamesTheRegionSkipsThePreambleButSeesTheWholeObject() throws Exception {
        Path polyglot = withMzPreamble(dump2dcm("plain.dcm", "+te", "plain"));
        Verdict verdict = scan(polyglot);
        assertThat(verdict.findings()).extracting(f -> f.rule() + "@" + f.region())
                .containsExactlyInAnyOrder("MZ_In_Preamble@preamble", "Mz_At_Start@object");
    }

    @Test
    void aRuleThatNeverNamesTheRegionStillSeesViewsOfNewBytes() throws Exception {
        Path deflated = dump2dcm("deflated.dcm", "+td", DEFLATED_MARKER);
        assertThat(new String(Files.readAllBytes(deflated), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the marker is compressed in the file").doesNotContain(DEFLATED_MARKER);
        Verdict verdict = scan(deflated);
        assertThat(verdict.findings()).extracting(f -> f.rule() + "@" + f.region())
                .containsExactly("Marker@inflated_dataset");
    }

    /** An encapsulated document is a file of its own: a third-party rule anchored at its offset 0 must see it there. */
    @Test
    void aRuleThatNeverNamesTheRegionSeesAnEncapsulatedDocumentFromItsFirstByte() throws Exception {
        Path pdf = Files.writeString(work.resolve("document.pdf"), """
                %PDF-1.4
                1 0 obj << /Type /Catalog >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """);
        Path encapsulated = work.resolve("document.dcm");
        Process process = new ProcessBuilder("pdf2dcm", pdf.toString(), encapsulated.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pdf2dcm (apt-get install dcmtk): %s", output).isZero();
        Verdict verdict = scan(encapsulated);
        assertThat(verdict.findings()).extracting(f -> f.rule() + "@" + f.region())
                .as("the document is a file of fewer than 200 bytes, which Tiny_File describes")
                .containsExactlyInAnyOrder("Pdf_At_Start@encapsulated_document", "Tiny_File@encapsulated_document");
    }

    @Test
    void aFileWithAnIncludeRunsOverThePreambleBecauseWhatItIncludesMayNameTheRegion() throws Exception {
        Files.writeString(rulesDir.resolve("preamble-checks.inc"), """
                rule Tiny_Preamble { condition: region == "preamble" and filesize < 200 }
                """);
        Files.writeString(rulesDir.resolve("wrapper.yar"), "include \"preamble-checks.inc\"\n");
        Verdict verdict = scan(dump2dcm("plain.dcm", "+te", "plain"));
        assertThat(verdict.findings()).extracting(f -> f.rule() + "@" + f.region())
                .containsExactly("Tiny_Preamble@preamble");
    }

    private Verdict scan(Path file) throws Exception {
        try (RulesFolder rules = RulesFolder.open(rulesDir, RulesFolder.Options.once());
             SpooledObject object = SpooledObject.open(file)) {
            return new ObjectScanner(rules, new DicomInspector(InspectionLimits.defaults()), Policy.defaults(),
                    TroubleActions.defaults(), ScanLimits.defaults()).scan(object, ScanContext.cli());
        }
    }

    private static Path withMzPreamble(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return Files.write(file, bytes);
    }

    /** A small secondary-capture object made by DCMTK's dump2dcm in {@code syntax}, with {@code comment}. */
    private Path dump2dcm(String name, String syntax, String comment) throws Exception {
        return Dump2dcm.make(work, name, List.of(
                "(0008,0016) UI =SecondaryCaptureImageStorage",
                "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.7.1.1]",
                "(0008,0060) CS [OT]",
                "(0010,0010) PN [Test^Scanner]",
                "(0020,000d) UI [1.2.826.0.1.3680043.2.1125.7]",
                "(0020,4000) LT [" + comment + " " + "x".repeat(300) + "]"), syntax);
    }
}
