package org.yaraguard.interceptor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineSamplerTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @TempDir
    Path temp;

    @Test
    void countsObjectsAsEntriesAndEveryFileAsBytes() throws IOException {
        Path quarantine = temp.resolve("quarantine");
        write(quarantine.resolve("1.2.3/" + SHA_A + ".dcm"), 100);
        write(quarantine.resolve("1.2.3/" + SHA_A + ".json"), 10);
        write(quarantine.resolve("unknown-study/" + SHA_B + ".dcm"), 1000);
        write(quarantine.resolve("unknown-study/" + SHA_B + ".json"), 20);

        assertThat(QuarantineSampler.count(quarantine)).isEqualTo(new QuarantineSampler.Count(2, 1130));
    }

    @Test
    void linksAreNotFollowed() throws IOException {
        Path quarantine = temp.resolve("quarantine");
        write(quarantine.resolve("1.2.3/" + SHA_A + ".dcm"), 100);
        Path elsewhere = temp.resolve("elsewhere");
        write(elsewhere.resolve(SHA_B + ".dcm"), 5000);
        Files.createSymbolicLink(quarantine.resolve("9.9"), elsewhere);
        Files.createSymbolicLink(quarantine.resolve("1.2.3/" + SHA_B + ".dcm"), elsewhere.resolve(SHA_B + ".dcm"));

        assertThat(QuarantineSampler.count(quarantine)).isEqualTo(new QuarantineSampler.Count(1, 100));
    }

    @Test
    void aMissingFolderCountsNothing() throws IOException {
        assertThat(QuarantineSampler.count(temp.resolve("not-yet"))).isEqualTo(new QuarantineSampler.Count(0, 0));
    }

    @Test
    void theBackgroundCountIsWhatReadersSee() throws Exception {
        Path quarantine = temp.resolve("quarantine");
        write(quarantine.resolve("1.2.3/" + SHA_A + ".dcm"), 7);
        try (QuarantineSampler tally = QuarantineSampler.start(quarantine, Duration.ofDays(1))) {
            for (int tick = 0; tick < 100 && tally.last().entries() == 0; tick++) {
                Thread.sleep(20);
            }
            assertThat(tally.last()).isEqualTo(new QuarantineSampler.Count(1, 7));
            write(quarantine.resolve("1.2.3/" + SHA_B + ".dcm"), 3);
            assertThat(tally.last()).as("counted again only at the next period").isEqualTo(new QuarantineSampler.Count(1, 7));
            tally.recount();
            assertThat(tally.last()).isEqualTo(new QuarantineSampler.Count(2, 10));
        }
    }

    private static void write(Path file, int size) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }
}
