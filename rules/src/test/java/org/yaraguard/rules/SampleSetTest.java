package org.yaraguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.rules.samples.Corpus;
import org.yaraguard.rules.samples.SampleSet;

/** The demo set and the benchmark corpus: names, sizes, and the verdicts the default rules give them. */
class SampleSetTest extends RulesFixture {

    @Test
    void demoFilesGetTheVerdictTheirNameAnnounces(@TempDir Path dir) throws Exception {
        List<Path> files = SampleSet.writeDemo(dir);
        assertThat(files).hasSizeBetween(10, 16);
        Map<String, String> tagged = Map.of(
                "vendor-text-in-preamble.dcm", "tag",
                "zip-in-private-element.dcm", "tag");
        for (Path file : files) {
            String name = file.getFileName().toString();
            String expected = name.startsWith("clean-") ? "clean" : tagged.getOrDefault(name, "reject");
            assertThat(strongest(rules.scan(Files.readAllBytes(file)))).as(name).isEqualTo(expected);
        }
    }

    @Test
    void corpusHasTheRequestedCountSizeAndShareOfInfectedFiles(@TempDir Path dir) throws Exception {
        Corpus corpus = SampleSet.writeCorpus(dir, 60, 128 * 1024, 0.5, 42);
        assertThat(corpus.files()).hasSize(60).allMatch(Files::isRegularFile);
        assertThat(corpus.infected()).hasSizeBetween(15, 45);
        assertThat(corpus.bytes()).isBetween(60L * 64 * 1024, 60L * 192 * 1024);
        for (Path file : corpus.files()) {
            String verdict = strongest(rules.scan(Files.readAllBytes(file)));
            if (corpus.infected().contains(file)) {
                assertThat(verdict).as(file.getFileName().toString()).isIn("tag", "reject");
            } else {
                assertThat(verdict).as(file.getFileName().toString()).isEqualTo("clean");
            }
        }
    }

    @Test
    void sameSeedGivesTheSameCorpus(@TempDir Path dir) throws Exception {
        Corpus first = SampleSet.writeCorpus(dir.resolve("a"), 5, 16 * 1024, 0.5, 3);
        Corpus second = SampleSet.writeCorpus(dir.resolve("b"), 5, 16 * 1024, 0.5, 3);
        for (int i = 0; i < 5; i++) {
            assertThat(Files.readAllBytes(second.files().get(i))).isEqualTo(Files.readAllBytes(first.files().get(i)));
        }
    }

    private static String strongest(List<Hit> hits) {
        List<String> actions = hits.stream().map(Hit::action).toList();
        return actions.contains("reject") ? "reject" : actions.contains("tag") ? "tag"
                : actions.contains("log") ? "log" : "clean";
    }
}
