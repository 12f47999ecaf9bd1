package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YaraScanTest {

    private YaraRules rules;
    private YaraRules.Lease lease;

    @BeforeEach
    void compile() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.defineExternal("region", "object");
        compiler.defineExternal("is_part10", false);
        compiler.defineExternal("depth", 0L);
        compiler.defineExternal("ratio", 0.5);
        compiler.addSource("scan", """
                rule marker { strings: $m = "MARKER" condition: $m }
                rule marker_at_start { strings: $m = "MARKER" condition: $m at 0 }
                rule empty_input { condition: filesize == 0 }
                rule in_preamble { condition: region == "preamble" }
                rule part10 { condition: is_part10 }
                rule deep { condition: depth > 3 }
                rule high_ratio { condition: ratio > 0.9 }
                """, "scan.yar");
        rules = compiler.compile();
        lease = rules.lease().orElseThrow();
    }

    @AfterEach
    void close() {
        lease.close();
        rules.close();
    }

    private List<String> scan(ByteBuffer bytes, Map<String, Object> externals) throws Exception {
        return lease.scan(bytes, externals, Duration.ofSeconds(10)).stream().map(m -> m.rule().identifier()).toList();
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    @Test
    void scansOnlyBetweenPositionAndLimitOfADirectBuffer() throws Exception {
        ByteBuffer bytes = direct("MARKER....MARKER....MARKER");
        assertThat(scan(bytes.duplicate().position(10).limit(16), Map.of())).containsExactly("marker", "marker_at_start");
        assertThat(scan(bytes.duplicate().position(1).limit(25), Map.of())).containsExactly("marker");
        assertThat(scan(bytes.duplicate().position(11).limit(25), Map.of())).isEmpty();
        ByteBuffer positioned = bytes.duplicate().position(20);
        scan(positioned, Map.of());
        assertThat(positioned.position()).isEqualTo(20);
    }

    @Test
    void scansHeapAndReadOnlyBuffersThroughACopy() throws Exception {
        ByteBuffer heap = ByteBuffer.wrap("xxMARKERxx".getBytes(StandardCharsets.US_ASCII));
        assertThat(scan(heap.duplicate().position(2), Map.of())).containsExactly("marker", "marker_at_start");
        assertThat(scan(heap.asReadOnlyBuffer().position(3), Map.of())).isEmpty();
        assertThat(scan(direct("MARKER").asReadOnlyBuffer(), Map.of())).containsExactly("marker", "marker_at_start");
        assertThat(heap.position()).isZero();
    }

    @Test
    void scansAMappedFileInPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("object.bin");
        byte[] content = new byte[1 << 20];
        System.arraycopy("MARKER".getBytes(StandardCharsets.US_ASCII), 0, content, 700_000, 6);
        Files.write(file, content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            assertThat(scan(mapped, Map.of())).containsExactly("marker");
            assertThat(scan(mapped.slice(700_000, 100), Map.of())).containsExactly("marker", "marker_at_start");
        }
    }

    @Test
    void scansAnEmptyBuffer() throws Exception {
        assertThat(scan(ByteBuffer.allocateDirect(0), Map.of())).containsExactly("empty_input");
        assertThat(scan(ByteBuffer.allocate(0), Map.of())).containsExactly("empty_input");
        assertThat(scan(direct("abc").position(3), Map.of())).containsExactly("empty_input");
    }

    @Test
    void setsExternalsOfEveryTypePerScanAndRestoresDefaultsAfterwards() throws Exception {
        ByteBuffer bytes = direct("nothing here");
        assertThat(scan(bytes, Map.of())).isEmpty();
        assertThat(scan(bytes, Map.of("region", "preamble", "is_part10", true, "depth", 4, "ratio", 0.95)))
                .containsExactly("in_preamble", "part10", "deep", "high_ratio");
        // The same pooled scanner runs the next scan: none of the values above may leak into it.
        assertThat(scan(bytes, Map.of())).isEmpty();
        assertThat(scan(bytes, Map.of("depth", 7L))).containsExactly("deep");
        assertThat(scan(bytes, Map.of("region", "trailing_data"))).isEmpty();
        assertThat(scan(bytes, Map.of("ratio", 1.0f, "is_part10", true))).containsExactly("part10", "high_ratio");
    }

    @Test
    void refusesUndeclaredOrMistypedExternals() {
        ByteBuffer bytes = direct("x");
        assertThatThrownBy(() -> scan(bytes, Map.of("nope", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> scan(bytes, Map.of("depth", "four"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("depth");
    }

    @Test
    void timesOutASlowScanAndKeepsScanningAfterwards() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        // About 17 s over 64 MiB with the yara CLI here: far beyond the 1 s timeout on any machine.
        compiler.addSource("slow", """
                rule slow {
                  condition: for all i in (0..filesize - 4) : (for all j in (0..3) : (uint8(i + j) != 0x41))
                }
                """, "slow.yar");
        try (YaraRules slow = compiler.compile(); YaraRules.Lease slowLease = slow.lease().orElseThrow()) {
            ByteBuffer big = ByteBuffer.allocateDirect(64 << 20);
            assertThatThrownBy(() -> slowLease.scan(big, Map.of(), Duration.ofMillis(200)))
                    .isInstanceOf(YaraScanTimeoutException.class);
            assertThat(slowLease.scan(big.slice(0, 1000), Map.of(), Duration.ofSeconds(1)))
                    .extracting(m -> m.rule().identifier()).containsExactly("slow");
        }
    }

    @Test
    void roundsTimeoutsUpToWholeSeconds() {
        assertThat(YaraRules.timeoutSeconds(null)).isZero();
        assertThat(YaraRules.timeoutSeconds(Duration.ZERO)).isZero();
        assertThat(YaraRules.timeoutSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(YaraRules.timeoutSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(YaraRules.timeoutSeconds(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(YaraRules.timeoutSeconds(Duration.ofDays(365 * 100))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void reportsMatchesWithTheirRuleInfo() throws Exception {
        List<YaraMatch> matches = lease.scan(direct("MARKER"), Map.of(), null);
        assertThat(matches).extracting(YaraMatch::rule).containsExactly(rules.rules().get(0), rules.rules().get(1));
        assertThat(matches).allSatisfy(m -> assertThat(m.offsets()).containsExactly(0L));
    }
}
