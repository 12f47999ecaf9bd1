package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaraguard.rules.samples.FakeContent;

/** eicar.yar: the EICAR test string anywhere, reported once. */
class EicarRuleTest extends RulesFixture {

    @Test
    void eicarInAnElementIsRefusedOnce() throws Exception {
        assertThat(rules.scan(samples.eicarInComments()))
                .containsExactly(Hit.of("eicar_test_string", "object", "reject"));
    }

    @Test
    void eicarInADeflatedObjectIsFoundInTheInflatedDataset() throws Exception {
        assertMatches(samples.eicarDeflated(), "eicar_test_string", "inflated_dataset", "reject");
    }

    @Test
    void halvesOfTheStringApartAreNotEicar() throws Exception {
        assertNoMatch(samples.eicarHalvesApart(), "eicar_test_string");
        assertNoMatch(samples.cleanCt(), "eicar_test_string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reassembled_value", "swapped_value", "pdf_stream", "encapsulated_document"})
    void eicarInAViewWithNewBytesIsRefused(String region) throws Exception {
        byte[] view = Payload.concat(Payload.noise(77, 1), Payload.ascii(FakeContent.eicar()), Payload.noise(5, 2));
        assertThat(scanRegion(view, region)).containsExactly("eicar_test_string");
    }

    @Test
    void eicarHalvesInAJoinedViewAreNotEicar() throws Exception {
        String eicar = FakeContent.eicar();
        byte[] apart = Payload.ascii(eicar.substring(0, 28) + " " + eicar.substring(28));
        assertThat(scanRegion(apart, "reassembled_value")).isEmpty();
        assertThat(scanRegion(Payload.swapped(Payload.ascii(eicar)), "object")).isEmpty();
    }
}
