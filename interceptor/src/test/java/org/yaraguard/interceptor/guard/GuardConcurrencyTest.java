package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.spool.SpooledObject;

class GuardConcurrencyTest {

    private static final String RULES = """
            rule Test_Reject { meta: action = "reject" strings: $a = "REJECT-ME-NOW" condition: $a }
            rule Test_Tag { meta: action = "tag" strings: $a = "TAG-ME-NOW" condition: $a }
            """;

    @TempDir
    Path temp;

    @Test
    void eightThreadsJudgeMixedObjectsAndEveryOneIsAccountedFor() throws Exception {
        Map<String, String> properties = GuardFolders.under(temp, RULES);
        properties.put("yara-guard.spool.memory.bytes", "4096");
        int objects = 400;
        try (Guard guard = Guard.start(GuardSettings.from(properties::get), Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Ruling.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                byte[] object = object(i);
                futures.add(pool.submit(() -> {
                    try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(object))) {
                        return guard.judge(spooled, new Origin("c-store", "LOAD", "ARC", "127.0.0.1",
                                BulkDataset.TRANSFER_SYNTAX)).outcome();
                    }
                }));
            }
            int refused = 0;
            int tagged = 0;
            for (Future<Ruling.Outcome> future : futures) {
                Ruling.Outcome outcome = future.get(2, TimeUnit.MINUTES);
                refused += outcome == Ruling.Outcome.REFUSE ? 1 : 0;
                tagged += outcome == Ruling.Outcome.TAG ? 1 : 0;
            }
            pool.shutdown();

            assertThat(refused).isEqualTo(objects / 3 + (objects % 3 > 0 ? 1 : 0));
            assertThat(tagged).isEqualTo(objects / 3 + (objects % 3 > 1 ? 1 : 0));
            assertThat(Files.readAllLines(temp.resolve("findings.log"))).hasSize(refused + tagged);
            try (Stream<Path> kept = Files.walk(temp.resolve("quarantine"))) {
                assertThat(kept.filter(p -> p.toString().endsWith(".dcm"))).hasSize(refused);
            }
        }
    }

    /** Every third object is refused, every third tagged, the rest clean; every other one is spooled to a file. */
    private static byte[] object(int i) {
        String payload = switch (i % 3) {
            case 0 -> "REJECT-ME-NOW";
            case 1 -> "TAG-ME-NOW";
            default -> "clean";
        };
        int size = i % 2 == 0 ? 300 : 20_000;
        byte[] value = (payload + " " + i + " ".repeat(size)).getBytes(StandardCharsets.US_ASCII);
        return new BulkDataset().text(0x0020000D, "UI", "1.2.3." + i).bytes(0x00091010, "OB", value).encode();
    }
}
