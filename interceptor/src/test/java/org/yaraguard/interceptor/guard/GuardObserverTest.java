package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.yara.CompileError;

class GuardObserverTest {

    private static final String RULES = """
            rule Test_Reject { meta: action = "reject" strings: $a = "REJECT-ME-NOW" condition: $a }
            """;
    private static final Origin C_STORE = new Origin("c-store", "MODALITY1", "DCM4CHEE", "10.0.0.5",
            BulkDataset.TRANSFER_SYNTAX);

    @TempDir
    Path temp;

    @Test
    void observersHearEveryRulingWithItsQuarantineEntryAndEveryRuleSet() throws IOException {
        Recorder recorder = new Recorder();
        try (Guard guard = start(recorder)) {
            judge(guard, "nothing to see");
            Ruling refused = judge(guard, "REJECT-ME-NOW");

            assertThat(recorder.rulings).extracting(Ruling::outcome)
                    .containsExactly(Ruling.Outcome.STORE, Ruling.Outcome.REFUSE);
            assertThat(recorder.rulings.get(1).quarantineId()).isNotNull().isEqualTo(refused.quarantineId());
            assertThat(recorder.loaded).containsExactly(guard.ruleSet().orElseThrow().id());

            Files.writeString(temp.resolve("rules/broken.yar"), "rule {");
            for (int tick = 0; tick < 100 && recorder.refusals.isEmpty(); tick++) {
                sleep(100);
            }
            assertThat(recorder.refusals).as("the watcher's refusal of the broken folder").hasSize(1);
        }
        assertThat(recorder.closed).isTrue();
    }

    @Test
    void aFailingObserverNeverChangesTheRuling() throws IOException {
        GuardObserver failing = new GuardObserver() {
            @Override
            public void judged(Ruling ruling, Origin origin, long judgeNanos) {
                throw new IllegalStateException("observer down");
            }

            @Override
            public void loaded(RuleSet ruleSet) {
                throw new IllegalStateException("observer down");
            }
        };
        Recorder after = new Recorder();
        try (Guard guard = start(failing, after)) {
            assertThat(judge(guard, "REJECT-ME-NOW").outcome()).isEqualTo(Ruling.Outcome.REFUSE);
            assertThat(after.rulings).hasSize(1);
            assertThat(after.loaded).hasSize(1);
        }
    }

    private Guard start(GuardObserver... observers) throws IOException {
        Map<String, String> properties = new HashMap<>();
        GuardFolders.under(temp, RULES).forEach(properties::putIfAbsent);
        properties.put("yara-guard.rules.poll.seconds", "1");
        return Guard.start(GuardSettings.from(properties::get), Clock.systemUTC(), List.of(observers));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Ruling judge(Guard guard, String payload) throws IOException {
        byte[] object = GuardTest.object("1.2.3.4", payload);
        try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(object))) {
            return guard.judge(spooled, C_STORE);
        }
    }

    private static final class Recorder implements GuardObserver {
        final List<Ruling> rulings = new ArrayList<>();
        final List<String> loaded = new ArrayList<>();
        final List<List<CompileError>> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        boolean closed;

        @Override
        public void judged(Ruling ruling, Origin origin, long judgeNanos) {
            rulings.add(ruling);
        }

        @Override
        public void loaded(RuleSet ruleSet) {
            loaded.add(ruleSet.id());
        }

        @Override
        public void refused(String folderId, List<CompileError> errors) {
            refusals.add(errors);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
