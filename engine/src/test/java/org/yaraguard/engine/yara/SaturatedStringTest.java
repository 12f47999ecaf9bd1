package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A string past libyara's 1,000,000 recorded matches makes the scan incomplete, never silently clean. */
class SaturatedStringTest {

    private static final int SIZE = 4 << 20;

    private YaraRules rules;
    private YaraRules.Lease lease;

    @BeforeEach
    void compile() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("saturation", """
                rule pairs { strings: $a = "AA" condition: $a }
                rule pair_then_marker { strings: $a = "AA" $m = "MARKER" condition: $m in (0..filesize) and #a > 0 }
                rule marker { strings: $m = "MARKER" condition: $m }
                """, "saturation.yar");
        rules = compiler.compile();
        lease = rules.lease().orElseThrow();
    }

    @AfterEach
    void close() {
        lease.close();
        rules.close();
    }

    /** {@code fill} repeated over 4 MiB, with MARKER in its last bytes (after any string has saturated). */
    private static ByteBuffer filled(char fill) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(SIZE);
        while (bytes.hasRemaining()) {
            bytes.put((byte) fill);
        }
        return bytes.put(SIZE - 16, "MARKER".getBytes(StandardCharsets.US_ASCII)).clear();
    }

    private List<String> scan(ByteBuffer bytes) throws Exception {
        return names(lease.scan(bytes, Map.of(), Duration.ofMinutes(1)));
    }

    private static List<String> names(List<YaraMatch> matches) {
        return matches.stream().map(m -> m.rule().identifier()).toList();
    }

    @Test
    void aSaturatedStringMakesTheScanIncompleteAndKeepsWhatWasReported() {
        YaraScanIncompleteException incomplete = catchThrowableOfType(() -> scan(filled('A')),
                YaraScanIncompleteException.class);

        assertThat(incomplete).as("4 MiB of 'A' give \"AA\" more than 1,000,000 matches").isNotNull();
        assertThat(incomplete.getMessage()).contains("2 string(s)");
        // libyara scans on after giving the string up: the marker at the very end is still found.
        assertThat(names(incomplete.partialMatches())).containsExactlyInAnyOrder("pairs", "pair_then_marker", "marker");
    }

    @Test
    void theSameInputWithoutTheRepeatedPairIsComplete() throws Exception {
        assertThat(scan(filled('B'))).containsExactly("marker");
    }

    @Test
    void aPooledScannerForgetsTheSaturationOfItsLastScan() throws Exception {
        ByteBuffer saturating = filled('A');
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(() -> scan(saturating.duplicate()), YaraScanIncompleteException.class))
                    .as("scan %d of the saturating input", i).isNotNull();
            assertThat(scan(filled('B'))).as("clean scan %d", i).containsExactly("marker");
        }
    }
}
