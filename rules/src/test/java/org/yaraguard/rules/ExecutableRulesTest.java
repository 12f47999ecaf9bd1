package org.yaraguard.rules;

import org.junit.jupiter.api.Test;

/** executables.yar: executables in the encapsulated document, private elements, trailing data, or as the object. */
class ExecutableRulesTest extends RulesFixture {

    @Test
    void executableAsEncapsulatedDocumentIsRefused() throws Exception {
        assertMatches(samples.peAsEncapsulatedDocument(), "executable_in_encapsulated_document",
                "encapsulated_document", "reject");
    }

    @Test
    void executableInsideAnEncapsulatedPdfIsRefused() throws Exception {
        assertMatches(samples.pdfWithElfInside(), "executable_in_encapsulated_document",
                "encapsulated_document", "reject");
    }

    @Test
    void plainPdfIsNoExecutable() throws Exception {
        assertNoMatch(samples.cleanPdfReport(), "executable_in_encapsulated_document");
        assertNoMatch(samples.pdfEmbeddedFile(), "executable_in_encapsulated_document");
    }

    @Test
    void peElfAndMachOInPrivateElementsAreRefused() throws Exception {
        String rule = "executable_in_private_element";
        assertMatches(samples.peInPrivateElement(), rule, "private_value", "reject");
        assertMatches(samples.elfInPrivateElement(), rule, "private_value", "reject");
        assertMatches(samples.machoInPrivateElement(), rule, "private_value", "reject");
    }

    @Test
    void vendorDataAndArchivesInPrivateElementsAreNoExecutables() throws Exception {
        assertNoMatch(samples.cleanVendorPrivateData(), "executable_in_private_element");
        assertNoMatch(samples.zipInPrivateElement(), "executable_in_private_element");
        // the PE signature alone in a private element (no MZ before it) is not an executable
        assertNoMatch(samples.pePreambleHeaderElsewhere(), "executable_in_private_element");
    }

    @Test
    void executablesAfterTheDatasetAreRefused() throws Exception {
        assertMatches(samples.peInTrailingData(), "executable_in_trailing_data", "trailing_data", "reject");
        assertMatches(samples.elfInTrailingData(), "executable_in_trailing_data", "trailing_data", "reject");
    }

    @Test
    void zerosOrAnArchiveAfterTheDatasetAreNoExecutable() throws Exception {
        assertNoMatch(samples.zerosInTrailingData(), "executable_in_trailing_data");
        assertNoMatch(samples.zipInTrailingData(), "executable_in_trailing_data");
    }

    @Test
    void executableSentAsAnObjectIsRefused() throws Exception {
        assertMatches(samples.bareExecutable(), "executable_not_dicom", "object", "reject");
    }

    @Test
    void part10FilesAndBareDatasetsAreNotExecutablesSentAsObjects() throws Exception {
        assertNoMatch(samples.bareDataset(), "executable_not_dicom");
        assertNoMatch(samples.pePreamble(), "executable_not_dicom");
    }
}
