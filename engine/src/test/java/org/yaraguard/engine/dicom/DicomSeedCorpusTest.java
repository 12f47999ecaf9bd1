package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fuzz seed corpus: it holds every DCMTK-made seed the generator makes, those are clean objects, and
 * every file in it (including inputs of past findings added there) passes the fuzz target: a regression run.
 */
class DicomSeedCorpusTest {

    private static final DicomInspector INSPECTOR = new DicomInspector(InspectionLimits.defaults());

    @TempDir
    Path folder;

    @Test
    void theCommittedCorpusHoldsWhatTheGeneratorMakes() throws IOException, URISyntaxException {
        Map<String, byte[]> regenerated = SeedCorpus.make(folder);

        assertThat(regenerated.keySet()).containsExactlyElementsOf(SeedCorpus.NAMES);
        assertThat(committedSeeds()).containsAll(SeedCorpus.NAMES);
        regenerated.values().forEach(DicomSeedCorpusTest::assertClean);
    }

    @Test
    void everyCommittedSeedPassesTheFuzzTargetAndTheDcmtkOnesAreClean() throws IOException, URISyntaxException {
        Path corpus = corpus();
        for (String name : committedSeeds()) {
            byte[] seed = Files.readAllBytes(corpus.resolve(name));
            new DicomInspectorFuzzTarget().inspect(seed);
            if (SeedCorpus.NAMES.contains(name)) {
                assertClean(seed);
            }
        }
    }

    private static void assertClean(byte[] seed) {
        Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(seed), null);
        assertThat(inspection.anomalies()).isEmpty();
        assertThat(inspection.attributes().patientId()).isEqualTo(DcmtkFixture.PATIENT_ID);
    }

    private static List<String> committedSeeds() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(DicomSeedCorpusTest.class.getResource("/dicom/corpus").toURI());
    }
}
