package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.yaraguard.rules.Payload.ascii;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** encapsulated.yar: active content in encapsulated PDFs, and declared MIME types the bytes contradict. */
class EncapsulatedRulesTest extends RulesFixture {

    private static final String REGION = "encapsulated_document";
    private static final String PDF_STREAM = "pdf_stream";

    @Test
    void javaScriptIsRefused() throws Exception {
        assertMatches(samples.pdfNamedJavaScript(), "pdf_javascript", REGION, "reject");
        assertNoMatch(samples.cleanPdfReport(), "pdf_javascript");
    }

    @Test
    void openActionRunningJavaScriptIsRefused() throws Exception {
        assertMatches(samples.pdfOpenActionJavaScript(), "pdf_openaction_javascript", REGION, "reject");
    }

    @Test
    void openActionShowingAPageOrJavaScriptWithoutOpenActionIsNotAnAutoRun() throws Exception {
        assertNoMatch(samples.cleanPdfReport(), "pdf_openaction_javascript");
        assertNoMatch(samples.pdfNamedJavaScript(), "pdf_openaction_javascript");
    }

    @Test
    void obfuscatedNamesAreRefused() throws Exception {
        assertMatches(samples.pdfObfuscatedJavaScript(), "pdf_obfuscated_name", REGION, "reject");
        assertNoMatch(samples.cleanPdfReport(), "pdf_obfuscated_name");
        assertNoMatch(samples.pdfNamedJavaScript(), "pdf_obfuscated_name");
    }

    @Test
    void launchActionIsRefused() throws Exception {
        assertMatches(samples.pdfLaunchAction(), "pdf_launch_action", REGION, "reject");
        assertNoMatch(samples.cleanPdfReport(), "pdf_launch_action");
    }

    @Test
    void embeddedFileIsTagged() throws Exception {
        assertMatches(samples.pdfEmbeddedFile(), "pdf_embedded_file", REGION, "tag");
        assertNoMatch(samples.cleanPdfReport(), "pdf_embedded_file");
    }

    @Test
    void pdfDeclaredButExecutableZipOrOleIsRefused() throws Exception {
        String rule = "encapsulated_pdf_mime_mismatch";
        assertMatches(samples.pdfDeclaredButPe(), rule, REGION, "reject");
        assertMatches(samples.pdfDeclaredButZip(), rule, REGION, "reject");
        assertMatches(samples.pdfDeclaredButOle(), rule, REGION, "reject");
    }

    @Test
    void honestDeclarationsAreNoMismatch() throws Exception {
        assertNoMatch(samples.cleanPdfReport(), "encapsulated_pdf_mime_mismatch");
        // declared application/octet-stream: the executable rule speaks, not the MIME rule
        assertNoMatch(samples.peAsEncapsulatedDocument(), "encapsulated_pdf_mime_mismatch");
    }

    @Test
    void pdfDeclaredWithoutPdfHeaderIsTaggedOnce() throws Exception {
        assertThat(rules.scan(samples.pdfDeclaredButText()))
                .containsExactly(Hit.of("encapsulated_pdf_without_header", REGION, "tag"));
        assertNoMatch(samples.cleanPdfReport(), "encapsulated_pdf_without_header");
        assertNoMatch(samples.pdfDeclaredButPe(), "encapsulated_pdf_without_header");
    }

    @Test
    void activeContentInDecodedPdfStreamsIsRefused() throws Exception {
        String objectStream = "7 0 8 60 << /Type /Action /S /JavaScript /JS 8 0 R >> (app.alert(1))";
        assertThat(scanRegion(ascii(objectStream), PDF_STREAM)).contains("pdf_javascript");
        assertThat(scanRegion(ascii("<< /S /Launch /F (calc.exe) >>"), PDF_STREAM)).contains("pdf_launch_action");
        assertThat(scanRegion(ascii("<< /S /J#61vaScript /J#53 (x) >>"), PDF_STREAM))
                .contains("pdf_obfuscated_name");
        assertThat(scanRegion(ascii("<< /Type /EmbeddedFile >>"), PDF_STREAM)).containsExactly("pdf_embedded_file");
    }

    @Test
    void decodedStreamsOfAPlainReportAreClean() throws Exception {
        String content = "BT /F1 12 Tf 72 720 Td (Enable JavaScript to launch the viewer: see /docs #41) Tj ET";
        assertThat(scanRegion(ascii(content), PDF_STREAM)).isEmpty();
        assertThat(scanRegion(ascii("<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>"), PDF_STREAM))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Launch", "/L#61unch", "/#4caunch", "/JavaScrip#74", "/#4A#53 ", "/Embedded#46ile"})
    void everyEscapedSpellingOfAnActiveNameIsRefused(String name) throws Exception {
        assertThat(scanRegion(ascii("<< /S " + name + " >>"), PDF_STREAM)).contains(
                name.equals("/Launch") ? "pdf_launch_action" : "pdf_obfuscated_name");
    }

    @Test
    void compressedAndFontBytesThatLookLikeEscapesAreNoObfuscation() throws Exception {
        // "v#41" and "/#76" turn up by chance in compressed and font data; the old any-escaped-letter rule refused
        // the clean libtasn1 manual for it
        assertThat(scanRegion(ascii("\u0093v#41\u00ff/#76y+<%q"), PDF_STREAM)).isEmpty();
        assertThat(rules.scanRegion(ascii("%PDF-1.5\n\u0001\u00a0v#41\u00e3/#76y"), REGION, true, "application/pdf"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/share/doc/libtasn1-doc/libtasn1.pdf",
        "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"})
    void realPdfsAreClean(String file) throws Exception {
        Path path = Path.of(file);
        assumeThat(Files.isReadable(path)).as(file + " is installed").isTrue();
        assertThat(rules.scanRegion(Files.readAllBytes(path), REGION, true, "application/pdf")).isEmpty();
    }
}
