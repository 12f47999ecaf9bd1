package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 threads store 500 mixed objects through both stream entry points: clean images and PDFs, PE polyglots on
 * STOW, PDFs with JavaScript on C-STORE. Every clean object is stored byte for byte once, every infected one is
 * refused, the quarantine holds exactly the infected ones with their sidecars, the findings log has exactly one
 * verdict per infected object and none for clean ones, and neither the stand-in archive nor the plugin's spool
 * holds anything half-written or left over. The STOW images are large enough to be spooled to mapped files.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class ConcurrentStoreIT extends DeployedArchive {

    private static final int THREADS = 8;
    private static final int OBJECTS = 500;
    private static final int FIRST_NUMBER = 10_000;
    /** 64 x 64 pixels: over yara-guard.spool.memory.bytes (set by the build), so spooled to a mapped file. */
    private static final int SPOOLED_SIDE = 64;

    private enum Kind { CLEAN_IMAGE_CSTORE, CLEAN_IMAGE_STOW, POLYGLOT_STOW, PDF_JS_CSTORE, CLEAN_PDF_STOW }

    private record Sent(Kind kind, byte[] bytes, DicomSample sample) {
        boolean infected() {
            return kind == Kind.POLYGLOT_STOW || kind == Kind.PDF_JS_CSTORE;
        }

        String sha256() {
            return DicomSample.sha256(bytes);
        }
    }

    @Test
    void everyObjectIsStoredOrRefusedAndAccountedFor() throws Exception {
        DicomSamples samples = samples("concurrent");
        Map<Kind, DicomSample> templates = Map.of(
                Kind.CLEAN_IMAGE_CSTORE, samples.image("image-cstore", 9001, null),
                Kind.CLEAN_IMAGE_STOW, samples.image("image-stow", 9002, null, SPOOLED_SIDE),
                Kind.POLYGLOT_STOW, samples.image("polyglot", 9003, null)
                        .withPreamble("polyglot", DicomSamples.pePreamble()),
                Kind.PDF_JS_CSTORE, samples.pdf("pdf-js", 9004, true),
                Kind.CLEAN_PDF_STOW, samples.pdf("pdf-clean", 9005, false));
        List<Sent> objects = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < OBJECTS; i++) {
            Kind kind = kinds[i % kinds.length];
            DicomSample sample = templates.get(kind).variant(FIRST_NUMBER + i);
            boolean cStore = kind == Kind.CLEAN_IMAGE_CSTORE || kind == Kind.PDF_JS_CSTORE;
            objects.add(new Sent(kind, cStore ? sample.dataset() : sample.part10(), sample));
        }

        Map<Sent, StoreOutcome> outcomes = sendAll(objects);

        Set<String> infected = objects.stream().filter(Sent::infected).map(Sent::sha256).collect(Collectors.toSet());
        Set<String> clean = objects.stream().filter(s -> !s.infected()).map(Sent::sha256).collect(Collectors.toSet());
        assertThat(infected).hasSize(200);
        assertThat(clean).hasSize(300);
        Map<String, ArchiveRecord> stored = new HashMap<>();
        for (ArchiveRecord record : ArchiveRecord.all()) {
            if (record.receivedSha256() != null) {
                assertThat(stored.put(record.receivedSha256(), record)).as("stored twice: %s", record.receivedSha256()).isNull();
            }
        }
        for (Sent sent : objects) {
            StoreOutcome outcome = outcomes.get(sent);
            if (sent.infected()) {
                assertThat(outcome.refused()).as("%s %s", sent.sample().name(), outcome).isTrue();
                assertThat(outcome.status()).isEqualTo(ItEnvironment.rejectStatus());
                assertThat(stored).doesNotContainKey(sent.sha256());
            } else {
                assertThat(outcome.stored()).as("%s %s", sent.sample().name(), outcome).isTrue();
                assertThat(outcome.records()).hasSize(1);
                assertThat(stored.get(sent.sha256())).as("stored %s", sent.sample().name()).isNotNull();
                assertThat(stored.get(sent.sha256()).receivedBytes()).isEqualTo(sent.bytes());
            }
        }
        Set<String> quarantined = QuarantineFolder.ids();
        assertThat(quarantined).containsAll(infected).doesNotContainAnyElementsOf(clean);
        assertThat(QuarantineFolder.sidecarIds()).containsAll(infected);
        Map<String, List<JsonNode>> verdicts = FindingsLog.verdicts().stream()
                .collect(Collectors.groupingBy(v -> v.path("sha256").asText()));
        for (String sha256 : infected) {
            assertThat(verdicts.get(sha256)).as("verdicts for %s", sha256).singleElement()
                    .satisfies(v -> assertThat(v.path("quarantineId").asText()).isEqualTo(sha256));
        }
        assertThat(verdicts.keySet()).doesNotContainAnyElementsOf(clean);
        try (Stream<java.nio.file.Path> files = Files.list(ItEnvironment.archiveFolder())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        try (Stream<java.nio.file.Path> files = Files.walk(ItEnvironment.work().resolve("spool"))) {
            assertThat(files.filter(Files::isRegularFile)).as("spool files left").isEmpty();
        }
    }

    private Map<Sent, StoreOutcome> sendAll(List<Sent> objects) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Map<Sent, Future<StoreOutcome>> futures = new HashMap<>();
            for (Sent sent : objects) {
                futures.put(sent, pool.submit(() -> switch (sent.kind()) {
                    case CLEAN_IMAGE_CSTORE, PDF_JS_CSTORE -> archive.cStore(sent.bytes(), "LOADSCU");
                    default -> archive.stow(sent.bytes(), null);
                }));
            }
            Map<Sent, StoreOutcome> outcomes = new HashMap<>();
            for (Map.Entry<Sent, Future<StoreOutcome>> entry : futures.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
