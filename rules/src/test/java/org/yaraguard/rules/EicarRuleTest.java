package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
