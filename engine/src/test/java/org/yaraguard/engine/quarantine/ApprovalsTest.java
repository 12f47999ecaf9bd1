package org.yaraguard.engine.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String SHA = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    @Test
    void anApprovalIsConsumedExactlyOnceUnderConcurrency() throws Exception {
        for (int round = 0; round < 20; round++) {
            Approvals approvals = new Approvals(dir, Clock.fixed(NOW, ZoneOffset.UTC));
            approvals.grant(SHA, SHA, "alice", "fp", Duration.ofHours(1));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> consume = () -> {
                    go.await();
                    return new Approvals(dir, Clock.fixed(NOW, ZoneOffset.UTC)).consume(SHA);
                };
                results.add(pool.submit(consume));
            }
            go.countDown();
            int granted = 0;
            for (Future<Boolean> f : results) {
                granted += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(granted).isEqualTo(1);
            assertThat(approvals.pending(SHA)).isFalse();
        }
    }

    @Test
    void anExpiredApprovalIsRemovedAndRefused() throws Exception {
        new Approvals(dir, Clock.fixed(NOW, ZoneOffset.UTC)).grant(SHA, SHA, "alice", "fp", Duration.ofMinutes(10));

        Approvals later = new Approvals(dir, Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThat(later.consume(SHA)).isFalse();
        assertThat(later.pending(SHA)).isFalse();
    }

    @Test
    void onlyTheApprovedHashPassesAndBadInputIsRefused() throws Exception {
        Approvals approvals = new Approvals(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        approvals.grant(SHA, SHA, "alice", "fp", Duration.ofHours(1));

        assertThat(approvals.consume("f" + SHA.substring(1))).isFalse();
        assertThat(approvals.consume("../" + SHA)).isFalse();
        assertThat(approvals.consume(SHA.toUpperCase())).isFalse();
        assertThat(approvals.consume(null)).isFalse();
        assertThat(approvals.pending(SHA)).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.resolve(SHA + ".approval")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(approvals.consume(SHA)).isTrue();
    }

    @Test
    void revokeWithdrawsAnUnusedApproval() throws Exception {
        Approvals approvals = new Approvals(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        approvals.grant(SHA, SHA, "alice", "fp", Duration.ofHours(1));

        assertThat(approvals.revoke(SHA)).isTrue();
        assertThat(approvals.consume(SHA)).isFalse();
    }
}
