package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Match offsets read through the probed layout of the installed libyara, checked against where the bytes are. */
class MatchOffsetsTest {

    @Test
    void theInstalledLibyaraHasAProbedMatchLayout() throws Exception {
        assertThat(Yara.get().matchLayout()).isNotNull();
        assertThat(Yara.get().matchLayout().contextMatchesOffset()).isIn(160, 144);
    }

    @Test
    void offsetsAreWhereEachStringOfTheRuleSitsSortedAndCapped() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("t", """
                rule two_strings { strings: $a = "ALPHA" $b = { 42 45 54 41 } condition: any of them }
                rule no_strings { condition: filesize > 0 }
                rule many { strings: $x = "x!" condition: $x }
                """, "t.yar");
        String text = "..BETA....ALPHA......ALPHA" + "x!".repeat(20);
        try (YaraRules rules = compiler.compile(); YaraRules.Lease lease = rules.lease().orElseThrow()) {
            List<YaraMatch> matches = lease.scan(direct(text), Map.of(), Duration.ofSeconds(10));
            assertThat(offsets(matches, "two_strings")).containsExactly(2L, 10L, 21L);
            assertThat(offsets(matches, "no_strings")).isEmpty();
            assertThat(offsets(matches, "many")).hasSize(MatchLayout.MAX_OFFSETS).startsWith(26L, 28L);
            for (long offset : offsets(matches, "two_strings")) {
                assertThat(text.charAt((int) offset)).isIn('A', 'B');
            }
        }
    }

    private static List<Long> offsets(List<YaraMatch> matches, String rule) {
        return matches.stream().filter(m -> m.rule().identifier().equals(rule)).findFirst().orElseThrow().offsets();
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }
}
