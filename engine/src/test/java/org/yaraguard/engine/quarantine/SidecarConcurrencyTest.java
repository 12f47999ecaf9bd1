package org.yaraguard.engine.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook re-writing a sidecar and review actions appending to it, at the same moment, lose no update. */
class SidecarConcurrencyTest {

    /** Two writers of this many events stay within the kept trail, so every event must be there. */
    private static final int EVENTS = 45;

    @TempDir
    Path temp;

    @Test
    void reviewersInTwoThreadsAndTheHookLoseNoEvent() throws Exception {
        byte[] object = "raced".getBytes(StandardCharsets.US_ASCII);
        Path folder = temp.resolve("q");
        QuarantineEntry entry = new Quarantine(folder).put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object,
                "1.2.3"));
        // A second spelling of the same folder: another lock in this JVM's map, so only the file lock (and its
        // retry on an overlapping lock) keeps the writers apart, as with two class loaders.
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), folder);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> appendEvents(new Quarantine(folder), entry.sidecar(), "a")));
            work.add(pool.submit(() -> appendEvents(new Quarantine(alias),
                    alias.resolve(folder.relativize(entry.sidecar())), "b")));
            work.add(pool.submit(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    new Quarantine(folder).put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object, "1.2.3"));
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reasons(entry.sidecar())).hasSize(2 * EVENTS);
    }

    @Test
    void aReviewInAnotherProcessAndTheHookLoseNoEvent() throws Exception {
        byte[] object = "raced across processes".getBytes(StandardCharsets.US_ASCII);
        Path folder = temp.resolve("q");
        Quarantine quarantine = new Quarantine(folder);
        QuarantineEntry entry = quarantine.put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object, "1.2.3"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SidecarWriterProcess.class.getName(),
                folder.toString(), entry.sidecar().toString(), "child", Integer.toString(EVENTS))
                .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();

        awaitFirstEventOf(entry.sidecar(), "child-0", child);
        appendEvents(quarantine, entry.sidecar(), "parent");
        for (int i = 0; i < EVENTS; i++) {
            quarantine.put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object, "1.2.3"));
        }

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(temp.resolve("child.log"))).isZero();
        assertThat(reasons(entry.sidecar())).hasSize(2 * EVENTS);
    }

    @Test
    void theTrailKeepsTheLatestEventsAndCountsTheRestAlsoWhenTheHookRewritesIt() throws IOException {
        byte[] object = "viewed often".getBytes(StandardCharsets.US_ASCII);
        Quarantine quarantine = new Quarantine(temp);
        QuarantineEntry entry = quarantine.put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object, "1.2.3"));
        appendEvents(quarantine, entry.sidecar(), "v", ReviewTrail.KEPT + 30);

        quarantine.put(ByteBuffer.wrap(object), QuarantineTest.sidecar(object, "1.2.3"));

        JsonNode json = Quarantine.JSON.readTree(entry.sidecar().toFile());
        assertThat(json.get("review")).hasSize(ReviewTrail.KEPT);
        assertThat(json.get("review").get(0).get("reason").asText()).isEqualTo("v-30");
        assertThat(ReviewTrail.omitted(json)).isEqualTo(30);
        assertThat(Quarantine.readSidecar(entry.sidecar()).review()).hasSize(ReviewTrail.KEPT);
    }

    static Void appendEvents(Quarantine quarantine, Path sidecar, String writer) throws IOException {
        return appendEvents(quarantine, sidecar, writer, EVENTS);
    }

    static Void appendEvents(Quarantine quarantine, Path sidecar, String writer, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String reason = writer + "-" + i;
            quarantine.update(sidecar, json -> {
                ObjectNode event = Quarantine.JSON.createObjectNode();
                event.put("event", "view");
                event.put("reason", reason);
                ReviewTrail.append(json, event);
            });
        }
        return null;
    }

    /** The child JVM takes a while to start: write only once it writes, so the two really overlap. */
    private static void awaitFirstEventOf(Path sidecar, String reason, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!reasons(sidecar).contains(reason) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static Set<String> reasons(Path sidecar) throws IOException {
        Set<String> reasons = new HashSet<>();
        Quarantine.JSON.readTree(sidecar.toFile()).get("review").forEach(e -> reasons.add(e.get("reason").asText()));
        return reasons;
    }
}
