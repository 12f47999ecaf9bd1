package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** preamble.yar: executables, scripts and configs in the 128-byte Part-10 preamble. */
class PreambleRulesTest extends RulesFixture {

    private static final String NOT_ZERO_OR_TIFF = "preamble_not_zero_or_tiff";

    @Test
    void peHeaderInsideThePreambleIsRefused() throws Exception {
        List<Hit> hits = assertMatches(samples.pePreamble(), "preamble_pe_executable", "object", "reject");
        assertThat(hits).contains(Hit.of(NOT_ZERO_OR_TIFF, "preamble", "tag"));
    }

    @Test
    void peHeaderBeyondThePreambleIsRefused() throws Exception {
        assertMatches(samples.pePreambleHeaderElsewhere(), "preamble_pe_executable", "object", "reject");
    }

    @Test
    void mzWithoutPeHeaderIsRefusedAsADosExecutable() throws Exception {
        assertMatches(samples.mzWithoutPePreamble(), "preamble_pe_executable", "object", "reject");
    }

    @Test
    void elfHeaderIsRefused() throws Exception {
        assertMatches(samples.elfPreamble(), "preamble_elf_executable", "preamble", "reject");
    }

    @Test
    void elfOutsideThePreambleIsNotAPreambleFinding() throws Exception {
        assertNoMatch(samples.elfInPrivateElement(), "preamble_elf_executable");
        assertNoMatch(samples.cleanCt(), "preamble_elf_executable");
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE})
    void everyThinMachOMagicIsRefused(int magic) throws Exception {
        assertMatches(samples.machoPreamble(magic), "preamble_macho_executable", "preamble", "reject");
    }

    @Test
    void fatMachOIsRefusedAsMachONotAsJavaClass() throws Exception {
        assertMatches(samples.machoFatPreamble(), "preamble_macho_executable", "preamble", "reject");
        assertNoMatch(samples.machoFatPreamble(), "preamble_java_class");
    }

    @Test
    void javaClassIsRefusedAsJavaClassNotAsMachO() throws Exception {
        assertMatches(samples.javaClassPreamble(), "preamble_java_class", "preamble", "reject");
        assertNoMatch(samples.javaClassPreamble(), "preamble_macho_executable");
    }

    @Test
    void shebangIsRefused() throws Exception {
        assertMatches(samples.shebangPreamble(), "preamble_script_shebang", "preamble", "reject");
        assertNoMatch(samples.htmlPreamble(), "preamble_script_shebang");
    }

    @Test
    void htmlWithScriptIsRefused() throws Exception {
        assertMatches(samples.htmlPreamble(), "preamble_html_or_script", "preamble", "reject");
        assertNoMatch(samples.vendorTextPreamble(), "preamble_html_or_script");
    }

    @Test
    void orthancConfigIsRefused() throws Exception {
        assertMatches(samples.orthancConfigPreamble(), "preamble_json_config", "preamble", "reject");
    }

    @Test
    void anyJsonObjectIsRefused() throws Exception {
        assertMatches(samples.jsonPreamble(), "preamble_json_config", "preamble", "reject");
        assertNoMatch(samples.vendorTextPreamble(), "preamble_json_config");
        assertNoMatch(samples.shebangPreamble(), "preamble_json_config");
    }

    @Test
    void vendorTextIsTaggedOnly() throws Exception {
        assertThat(rules.scan(samples.vendorTextPreamble())).containsExactly(Hit.of(NOT_ZERO_OR_TIFF, "preamble", "tag"));
    }

    @Test
    void zeroAndTiffPreamblesAreClean() throws Exception {
        assertClean(samples.cleanCt());
        assertClean(samples.tiffDualFormat());
    }

    @Test
    void bareDatasetHasNoPreambleFinding() throws Exception {
        assertClean(samples.bareDataset());
    }
}
