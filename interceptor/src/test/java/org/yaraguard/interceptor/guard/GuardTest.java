package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.RulesStatus;
import org.yaraguard.engine.quarantine.RulesStatusFile;
import org.yaraguard.engine.quarantine.Sidecar;
import org.yaraguard.engine.quarantine.Approvals;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.spool.Sha256;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.yara.YaraUnavailableException;

class GuardTest {

    private static final String RULES = """
            rule Test_Reject { meta: action = "reject" strings: $a = "REJECT-ME-NOW" condition: $a }
            rule Test_Tag { meta: action = "tag" strings: $a = "TAG-ME-NOW" condition: $a }
            rule Test_Log { meta: action = "log" strings: $a = "LOG-ME-NOW" condition: $a }
            """;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);
    private static final Origin C_STORE = new Origin("c-store", "MODALITY1", "DCM4CHEE", "10.0.0.5",
            BulkDataset.TRANSFER_SYNTAX);

    @TempDir
    Path temp;
    private final Map<String, String> properties = new HashMap<>();
    private Guard guard;

    @AfterEach
    void close() {
        if (guard != null) {
            guard.close();
        }
    }

    @Test
    void aCleanObjectIsStoredAndNotRecorded() throws IOException {
        Ruling ruling = judge(start(RULES), object("1.2.3", "nothing to see"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.STORE);
        assertThat(ruling.verdict().action()).isEqualTo(Action.CLEAN);
        assertThat(findings()).isEmpty();
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void aRejectIsQuarantinedThenRefusedWithTheConfiguredStatus() throws IOException {
        properties.put("yara-guard.reject.status", "0xA801");
        byte[] object = object("1.2.3.4", "REJECT-ME-NOW");

        Ruling ruling = judge(start(RULES), object, C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
        assertThat(ruling.status()).isEqualTo(0xA801);
        assertThat(ruling.comment()).isEqualTo("YARA Guard: Test_Reject");
        List<Path> kept = quarantined();
        assertThat(kept).hasSize(2);
        Path objectFile = kept.stream().filter(p -> p.toString().endsWith(".dcm")).findFirst().orElseThrow();
        assertThat(objectFile.getParent().getFileName().toString()).isEqualTo("1.2.3.4");
        assertThat(objectFile).hasBinaryContent(object);
        Sidecar sidecar = Quarantine.readSidecar(Path.of(objectFile.toString().replace(".dcm", ".json")));
        assertThat(sidecar.callingAet()).isEqualTo("MODALITY1");
        assertThat(sidecar.source()).isEqualTo("c-store");
        assertThat(sidecar.matches()).extracting(Sidecar.Match::rule).containsOnly("Test_Reject");
        assertThat(sidecar.matches()).extracting(Sidecar.Match::region).contains("object", "private_value");
        int marker = new String(object, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("REJECT-ME-NOW");
        assertThat(sidecar.matches()).as("offsets in the object file, for the reviewer's hex windows")
                .allSatisfy(m -> assertThat(m.offsets()).containsExactly((long) marker));
        JsonNode line = findings().get(0);
        assertThat(line.get("action").asText()).isEqualTo("reject");
        assertThat(line.get("quarantineId").asText()).isEqualTo(sidecar.id());
        assertThat(line.get("mode").asText()).isEqualTo("enforce");
    }

    @Test
    void aTagIsStoredTaggedAndRecorded() throws IOException {
        Ruling ruling = judge(start(RULES), object("1.2.3", "TAG-ME-NOW"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.TAG);
        assertThat(ruling.verdict().decisiveRules()).containsExactly("Test_Tag");
        assertThat(findings()).singleElement().satisfies(line -> {
            assertThat(line.get("action").asText()).isEqualTo("tag");
            assertThat(line.get("quarantineId").isNull()).isTrue();
        });
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void aLogIsStoredAndRecorded() throws IOException {
        Ruling ruling = judge(start(RULES), object("1.2.3", "LOG-ME-NOW"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.STORE);
        assertThat(findings()).singleElement().satisfies(line ->
                assertThat(line.get("action").asText()).isEqualTo("log"));
    }

    @Test
    void monitorModeForTheSenderStoresAndRecordsWhatWouldHaveHappened() throws IOException {
        properties.put("yara-guard.mode.aet", "MODALITY1=monitor");

        Ruling ruling = judge(start(RULES), object("1.2.3", "REJECT-ME-NOW"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.STORE);
        assertThat(ruling.mode()).isEqualTo(Mode.MONITOR);
        assertThat(quarantined()).isEmpty();
        assertThat(findings()).singleElement().satisfies(line -> {
            assertThat(line.get("action").asText()).isEqualTo("reject");
            assertThat(line.get("mode").asText()).isEqualTo("monitor");
            assertThat(line.get("status").asText()).isEqualTo("stored");
        });
    }

    @Test
    void failClosedRefusesWhileTheRulesDoNotCompile() throws IOException {
        Ruling ruling = judge(start("rule Broken { condition: }"), object("1.2.3", "anything"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
        assertThat(ruling.comment()).isEqualTo("YARA Guard: no rule set loaded");
        assertThat(findings()).singleElement().satisfies(line ->
                assertThat(line.get("trouble").asText()).startsWith("no-rules"));
        RulesStatus status = RulesStatusFile.read(temp.resolve("quarantine")).orElseThrow();
        assertThat(status.rulesetId()).as("no rule set in force, for the console").isNull();
        assertThat(status.errors()).singleElement().asString().startsWith("test.yar:1: ");
    }

    @Test
    void failOpenStoresAndRecordsWhileTheRulesDoNotCompile() throws IOException {
        properties.put("yara-guard.startup.policy", "fail-open");

        Ruling ruling = judge(start("rule Broken { condition: }"), object("1.2.3", "REJECT-ME-NOW"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.STORE);
        assertThat(ruling.verdict().action()).isEqualTo(Action.LOG);
        assertThat(findings()).hasSize(1);
    }

    @Test
    void withoutLibyaraFailClosedRefusesEveryStoreAndSaysWhy() throws IOException {
        Guard guard = startWithout(new YaraUnavailableException("libyara not found: install it with `apt-get install"
                + " libyara9`", null));

        Ruling ruling = judge(guard, object("1.2.3", "anything"), C_STORE);

        assertThat(guard.ruleSet()).isEmpty();
        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
        assertThat(ruling.comment()).hasSizeLessThanOrEqualTo(64);
        assertThat(findings()).singleElement().satisfies(line ->
                assertThat(line.get("trouble").asText()).startsWith("no-rules").contains("apt-get install libyara9"));
    }

    @Test
    void aNativeBindingThatCannotLinkFailsOpenWhenConfiguredSoTheArchiveKeepsStoring() throws IOException {
        properties.put("yara-guard.startup.policy", "fail-open");
        Guard guard = startWithout(new UnsatisfiedLinkError("libjnidispatch.so: cannot open shared object file"));

        Ruling ruling = judge(guard, object("1.2.3", "REJECT-ME-NOW"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.STORE);
        assertThat(ruling.verdict().action()).isEqualTo(Action.LOG);
        assertThat(ruling.verdict().sha256()).hasSize(64);
        assertThat(findings()).singleElement().satisfies(line ->
                assertThat(line.get("trouble").asText()).contains("native binding unavailable"));
    }

    @Test
    void aSpoolThatFailsRefusesWithOutOfResourcesAndRecordsIt() throws IOException {
        guard = start(RULES);
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("No space left on device");
            }
        };

        Ruling ruling;
        try {
            guard.spool(failing);
            throw new AssertionError("spool should have failed");
        } catch (IOException e) {
            ruling = guard.spoolFailed(e, C_STORE);
        }

        assertThat(ruling.status()).isEqualTo(Guard.OUT_OF_RESOURCES);
        assertThat(ruling.comment()).hasSizeLessThanOrEqualTo(64);
        assertThat(findings()).singleElement().satisfies(line ->
                assertThat(line.get("trouble").asText()).contains("No space left on device"));
    }

    @Test
    void anObjectOverTheLimitIsRefusedEarlyRecordedAndNeverSpooledWhole() throws IOException {
        properties.put("yara-guard.max.object.bytes", "4096");
        properties.put("yara-guard.spool.memory.bytes", "1024");
        guard = start(RULES);
        byte[] large = object("1.2.3", "REJECT-ME-NOW" + " ".repeat(200_000));

        Ruling ruling = judge(guard, large, C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
        assertThat(ruling.verdict().trouble().kind()).isEqualTo(Trouble.Kind.TOO_LARGE);
        assertThat(ruling.comment()).isEqualTo("YARA Guard: object too large to scan");
        assertThat(findings()).singleElement().satisfies(line -> {
            assertThat(line.get("action").asText()).isEqualTo("reject");
            assertThat(line.get("trouble").asText()).startsWith("too-large");
        });
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void anObjectOverTheLimitTakesTheConfiguredActionAndThenStreamsOnWhole() throws IOException {
        properties.put("yara-guard.max.object.bytes", "4096");
        properties.put("yara-guard.on.too.large", "log");
        guard = start(RULES);
        byte[] large = object("1.2.3", "x".repeat(100_000));

        try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(large))) {
            Ruling ruling = guard.judge(spooled, C_STORE);

            assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.STORE);
            assertThat(ruling.verdict().trouble().kind()).isEqualTo(Trouble.Kind.TOO_LARGE);
            try (InputStream archive = spooled.openStream()) {
                assertThat(archive.readAllBytes()).isEqualTo(large);
            }
        }
        assertThat(findings()).singleElement().satisfies(line ->
                assertThat(line.get("action").asText()).isEqualTo("log"));
    }

    @Test
    void aRuleMatchingInThousandsOfRegionsIsOneCountedMatchInTheRecord() throws IOException {
        BulkDataset dataset = new BulkDataset().text(0x0020000D, "UI", "1.2.3");
        for (int i = 0; i < 2_000; i++) {
            dataset.bytes(0x00091000 + 0x100 + i, "OB", ("LOG-ME-NOW" + " ".repeat(300)).getBytes(StandardCharsets.US_ASCII));
        }
        properties.put("yara-guard.on.anomaly", "log");

        Ruling ruling = judge(start(RULES), dataset.encode(), C_STORE);

        assertThat(ruling.verdict().action()).isEqualTo(Action.LOG);
        JsonNode line = findings().get(0);
        assertThat(line.get("matches")).extracting(m -> m.get("region").asText() + " x" + m.get("count").asLong())
                .containsExactlyInAnyOrder("object x1", "private_value x2000");
        assertThat(line.get("findingsOmitted").asLong()).isZero();
        assertThat(Files.size(temp.resolve("findings.log"))).isLessThan(16 * 1024);
    }

    @Test
    void aVerdictThatCannotBeRecordedIsNotStored() throws IOException {
        Files.createDirectories(temp.resolve("findings.log"));

        Ruling ruling = judge(start(RULES), object("1.2.3", "LOG-ME-NOW"), C_STORE);

        assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
        assertThat(ruling.status()).isEqualTo(Guard.OUT_OF_RESOURCES);
        assertThat(ruling.verdict().action()).isEqualTo(Action.LOG);
    }

    @Test
    void aReleasedObjectPassesExactlyOnceAndTheApprovalIsRecorded() throws IOException {
        Guard guard = start(RULES);
        byte[] infected = object("1.2.3", "REJECT-ME-NOW");
        String sha256 = Sha256.of(ByteBuffer.wrap(infected));
        new Approvals(temp.resolve("approvals"), CLOCK)
                .grant(sha256, sha256, "reviewer", "false positive", Duration.ofHours(1));

        Ruling first = judge(guard, infected, C_STORE);
        Ruling second = judge(guard, infected, C_STORE);

        assertThat(first.outcome()).isEqualTo(Ruling.Outcome.STORE);
        assertThat(first.verdict().action()).isEqualTo(Action.REJECT);
        assertThat(second.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
        assertThat(findings()).extracting(line -> line.get("event").asText() + ":" + line.path("status").asText())
                .containsExactly("approval-used:", "verdict:released", "verdict:quarantined");
    }

    @Test
    void anApprovalForOtherBytesDoesNotAdmitAnObject() throws IOException {
        Guard guard = start(RULES);
        String other = Sha256.of(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        new Approvals(temp.resolve("approvals"), CLOCK)
                .grant(other, other, "reviewer", "other object", Duration.ofHours(1));

        assertThat(judge(guard, object("1.2.3", "REJECT-ME-NOW"), C_STORE).outcome())
                .isEqualTo(Ruling.Outcome.REFUSE);
    }

    /** A guard on a machine where opening the rules fails with {@code failure} (no libyara, no JNA). */
    private Guard startWithout(Throwable failure) throws IOException {
        configure(RULES);
        guard = Guard.start(GuardSettings.from(properties::get), CLOCK, (folder, options) -> {
            if (failure instanceof YaraUnavailableException unavailable) {
                throw unavailable;
            }
            throw (Error) failure;
        });
        return guard;
    }

    private Guard start(String rules) throws IOException {
        configure(rules);
        guard = Guard.start(GuardSettings.from(properties::get), CLOCK);
        return guard;
    }

    private void configure(String rules) throws IOException {
        GuardFolders.under(temp, rules).forEach(properties::putIfAbsent);
    }

    private static Ruling judge(Guard guard, byte[] object, Origin origin) throws IOException {
        try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(object))) {
            return guard.judge(spooled, origin);
        }
    }

    /** A small bare dataset (what C-STORE delivers) whose private value carries {@code payload}. */
    static byte[] object(String studyUid, String payload) {
        return new BulkDataset().text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7").text(0x00080018, "UI", "1.2.3.9")
                .text(0x0020000D, "UI", studyUid)
                .bytes(0x00091010, "OB", (payload + " ".repeat(300)).getBytes(StandardCharsets.US_ASCII)).encode();
    }

    private List<JsonNode> findings() throws IOException {
        Path log = temp.resolve("findings.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(log).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<Path> quarantined() throws IOException {
        Path folder = temp.resolve("quarantine");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            // the quarantine's lock file (.sidecar.lock) is not a kept object
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        }
    }
}
