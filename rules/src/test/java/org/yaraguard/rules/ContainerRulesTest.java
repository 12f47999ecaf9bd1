package org.yaraguard.rules;

import org.junit.jupiter.api.Test;

/** containers.yar: archives in private elements (tagged) and after the dataset (refused). */
class ContainerRulesTest extends RulesFixture {

    @Test
    void zipAndOleInPrivateElementsAreTagged() throws Exception {
        assertMatches(samples.zipInPrivateElement(), "archive_in_private_element", "private_value", "tag");
        assertMatches(samples.oleInPrivateElement(), "archive_in_private_element", "private_value", "tag");
    }

    @Test
    void vendorDataAndExecutablesInPrivateElementsAreNoArchives() throws Exception {
        assertNoMatch(samples.cleanVendorPrivateData(), "archive_in_private_element");
        assertNoMatch(samples.peInPrivateElement(), "archive_in_private_element");
    }

    @Test
    void zipAfterTheDatasetIsRefused() throws Exception {
        assertMatches(samples.zipInTrailingData(), "archive_in_trailing_data", "trailing_data", "reject");
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
}
