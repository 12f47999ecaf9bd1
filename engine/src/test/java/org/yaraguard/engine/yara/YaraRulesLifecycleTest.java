package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YaraRulesLifecycleTest {

    private static YaraRules compile(String source) throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("life", source, "life.yar");
        return compiler.compile();
    }

    private static ByteBuffer marker() {
        return ByteBuffer.allocateDirect(16).put("..MARKER..".getBytes()).flip();
    }

    @Test
    void givesNoLeaseOnceClosed() throws Exception {
        YaraRules rules = compile("rule r { condition: true }");
        rules.close();
        assertThat(rules.lease()).isEmpty();
        assertThat(rules.destroyed()).isTrue();
        rules.close();
    }

    @Test
    void aRuleIsReadWhenItMatchesOrIsAskedForAndNeverAfterTheRulesAreDestroyed() throws Exception {
        YaraRules rules = compile("""
                rule first : one { meta: severity = "high" condition: false }
                private rule hidden { condition: true }
                rule marker : two { meta: n = 7 strings: $m = "MARKER" condition: $m }
                rule last { condition: false }
                """);
        assertThat(rules.rules()).hasSize(3);
        assertThat(rules.rulesRead()).isZero();
        try (YaraRules.Lease lease = rules.lease().orElseThrow()) {
            assertThat(lease.scan(marker(), Map.of(), null)).singleElement().satisfies(match -> {
                assertThat(match.rule().identifier()).isEqualTo("marker");
                assertThat(match.rule().tags()).containsExactly("two");
                assertThat(match.rule().meta()).containsEntry("n", 7L);
            });
        }
        assertThat(rules.rulesRead()).isEqualTo(1);
        assertThat(rules.rules().get(0).meta()).containsEntry("severity", "high");
        assertThat(rules.rules().get(1)).isSameAs(rules.rules().get(1));
        assertThat(rules.rulesRead()).isEqualTo(2);
        rules.close();
        assertThat(rules.rules()).hasSize(3);
        assertThat(rules.rules().get(1).identifier()).isEqualTo("marker");
        assertThatThrownBy(() -> rules.rules().get(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void destroysOnlyWhenTheLastLeaseCloses() throws Exception {
        YaraRules rules = compile("rule marker { strings: $m = \"MARKER\" condition: $m }");
        YaraRules.Lease first = rules.lease().orElseThrow();
        YaraRules.Lease second = rules.lease().orElseThrow();
        rules.close();
        assertThat(rules.lease()).isEmpty();
        assertThat(rules.destroyed()).isFalse();

        first.close();
        first.close();
        assertThat(rules.destroyed()).isFalse();
        assertThat(second.scan(marker(), Map.of(), null)).extracting(m -> m.rule().identifier())
                .containsExactly("marker");
        assertThatThrownBy(() -> first.scan(marker(), Map.of(), null)).isInstanceOf(IllegalStateException.class);

        second.close();
        assertThat(rules.destroyed()).isTrue();
        assertThatThrownBy(() -> second.scan(marker(), Map.of(), null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScanInProgressKeepsTheRulesAliveAfterCloseAndCompletesCorrectly() throws Exception {
        // Slow on purpose (seconds over 16 MiB) so that close() surely lands while the scan runs.
        YaraRules rules = compile("""
                rule slow_clean {
                  condition: for all i in (0..filesize - 4) : (for all j in (0..3) : (uint8(i + j) != 0x41))
                }
                rule tail_marker { strings: $m = "XYZZY" condition: $m }
                """);
        ByteBuffer big = ByteBuffer.allocateDirect(16 << 20);
        big.put(big.capacity() - 100, "XYZZY".getBytes());
        YaraRules.Lease lease = rules.lease().orElseThrow();
        CompletableFuture<List<YaraMatch>> scan = CompletableFuture.supplyAsync(() -> {
            try {
                return lease.scan(big, Map.of(), Duration.ofMinutes(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (rules.scansInProgress() == 0 && !scan.isDone()) {
            Thread.onSpinWait();
        }
        rules.close();
        lease.close();
        assertThat(scan).isNotDone();
        assertThat(rules.destroyed()).isFalse();

        assertThat(scan.get(5, TimeUnit.MINUTES)).extracting(m -> m.rule().identifier())
                .containsExactly("slow_clean", "tail_marker");
        assertThat(rules.destroyed()).isTrue();
        assertThat(rules.scansInProgress()).isZero();
    }
}
