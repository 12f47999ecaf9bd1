package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.rules.samples.Corpus;
import org.yaraguard.rules.samples.SampleSet;

/** Varied clean objects raise nothing at all: no finding, and the engine's verdict is "clean", never "reject". */
class CleanCorpusTest extends RulesFixture {

    @Test
    void cleanObjectsOfEveryKindMatchNoRule() throws Exception {
        Map<String, byte[]> clean = new LinkedHashMap<>();
        clean.put("CT, native 16-bit", samples.cleanCt());
        clean.put("JPEG photo, encapsulated pixels", samples.cleanJpegPhoto());
        clean.put("BMP capture, native RGB", samples.cleanBmpCapture());
        clean.put("basic text SR", samples.cleanStructuredReport());
        clean.put("encapsulated PDF", samples.cleanPdfReport());
        clean.put("vendor private data", samples.cleanVendorPrivateData());
        clean.put("TIFF dual-format", samples.tiffDualFormat());
        clean.put("deflated", samples.deflatedCt());
        clean.put("explicit big endian", samples.bigEndianCt());
        clean.put("implicit little endian SR", samples.implicitLittleEndianReport());
        clean.put("bare dataset (C-STORE)", samples.bareDataset());
        for (Map.Entry<String, byte[]> object : clean.entrySet()) {
            Verdict verdict = rules.verdict(object.getValue());
            assertThat(verdict.findings()).as(object.getKey()).isEmpty();
            assertThat(verdict.action()).as(object.getKey()).isEqualTo(Action.CLEAN);
        }
    }

    @Test
    void generatedCleanCorpusHasNoReject(@TempDir Path corpusDir) throws Exception {
        Corpus corpus = SampleSet.writeCorpus(corpusDir, 40, 64 * 1024, 0.0, 7);
        assertThat(corpus.files()).hasSize(40);
        assertThat(corpus.infected()).isEmpty();
        for (Path file : corpus.files()) {
            Verdict verdict = rules.verdict(Files.readAllBytes(file));
            assertThat(verdict.action()).as(file.getFileName().toString()).isNotEqualTo(Action.REJECT);
            assertThat(verdict.findings()).as(file.getFileName().toString()).isEmpty();
        }
    }
}
