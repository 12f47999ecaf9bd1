package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.rules.samples.SampleCatalog;

/** Shared set-up of the rule tests: the default rules compiled once per class, samples made by DCMTK. */
abstract class RulesFixture {

    @TempDir
    static Path work;

    static SampleCatalog samples;
    static RulesUnderTest rules;

    @BeforeAll
    static void compileRulesAndPrepareSamples() throws Exception {
        samples = new SampleCatalog(work);
        rules = RulesUnderTest.compile();
    }

    @AfterAll
    static void closeRules() throws Exception {
        rules.close();
    }

    /** Asserts that {@code object} matched {@code rule} in the scan of {@code region}, and returns all hits. */
    static List<Hit> assertMatches(byte[] object, String rule, String region, String action) throws Exception {
        List<Hit> hits = rules.scan(object);
        assertThat(hits).contains(Hit.of(rule, region, action));
        return hits;
    }

    /** Asserts that no scan of {@code object} matched {@code rule}. */
    static void assertNoMatch(byte[] object, String rule) throws Exception {
        assertThat(rules.scan(object)).extracting(Hit::rule).doesNotContain(rule);
    }

    /** The rules matching {@code bytes} scanned alone as {@code region} (not Part-10, no MIME type). */
    static List<String> scanRegion(byte[] bytes, String region) throws Exception {
        return rules.scanRegion(bytes, region, false, "");
    }

    /** Asserts that nothing at all matched {@code object}. */
    static void assertClean(byte[] object) throws Exception {
        assertThat(rules.scan(object)).isEmpty();
    }
}
