package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** encapsulated.yar: active content in encapsulated PDFs, and declared MIME types the bytes contradict. */
class EncapsulatedRulesTest extends RulesFixture {

    private static final String REGION = "encapsulated_document";

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
}
