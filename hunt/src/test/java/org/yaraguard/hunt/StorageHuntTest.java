package org.yaraguard.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.review.hunt.AffectedStudy;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.review.hunt.HuntSummary;
import org.yaraguard.review.hunt.Rejection;

/** A hunt over a storage folder of real DCMTK-made objects laid out as dcm4chee-arc stores them. */
class StorageHuntTest {

    @TempDir
    static Path work;
    static StorageTree tree;
    static HuntFixture fixture;
    /** Outside the storage root: a link to it must never be followed. */
    static Path outside;

    @TempDir
    Path dir;

    @BeforeAll
    static void archive() throws Exception {
        tree = new StorageTree(work.resolve("fs1"), work.resolve("dcmtk"), 40, 4, 6);
        fixture = new HuntFixture(work);
        outside = Files.createDirectories(work.resolve("outside"));
        Files.write(outside.resolve("infected"),
                Files.readAllBytes(tree.root.resolve(tree.infected.keySet().iterator().next())));
        Files.createSymbolicLink(tree.root.resolve("2026/11/02/link-to-file"), outside.resolve("infected"));
        Files.createSymbolicLink(tree.root.resolve("2026/11/03/link-to-folder"), outside);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    HuntSummary hunt(HuntPlan plan) throws Exception {
        return new Hunt(plan).run();
    }

    HuntPlan plan(Path report) throws IOException {
        return fixture.plan(List.of(StorageFolders.of(List.of(tree.root))), report, dir.resolve("spool"));
    }

    @Test
    void findsEveryInfectedObjectOnceAndCountsTheRest() throws Exception {
        HuntSummary summary = hunt(plan(dir.resolve("report")));

        List<HuntHit> hits = HuntFixture.hits(dir.resolve("report"));
        assertThat(hits).extracting(HuntHit::location).containsExactlyInAnyOrderElementsOf(tree.infected.keySet());
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.source()).isEqualTo(HuntHit.STORAGE);
            assertThat(h.action()).isEqualTo("reject");
            assertThat(h.matches()).isNotEmpty();
            assertThat(h.sha256()).hasSize(64);
            assertThat(h.rejection()).isNull();
            assertThat(h.studyInstanceUid()).isEqualTo(tree.infected.get(h.location()));
            assertThat(h.rulesetId()).isEqualTo(summary.rulesetId());
        });
        assertThat(summary.finishedAt()).isNotNull();
        assertThat(summary.hits()).isEqualTo(tree.infected.size());
        assertThat(summary.objects()).isEqualTo(tree.dicomFiles.size());
        assertThat(summary.clean()).isEqualTo(tree.dicomFiles.size() - tree.infected.size());
        assertThat(summary.notDicom()).isEqualTo(1);
        assertThat(summary.studiesAffected()).isEqualTo(Set.copyOf(tree.infected.values()).size());
        assertThat(summary.byStudy()).extracting(AffectedStudy::studyInstanceUid)
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(tree.infected.values()));
        assertThat(summary.byRule().values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(tree.infected.size());
        assertThat(summary.notes()).anyMatch(n -> n.contains("zeroed preamble"));
    }

    @Test
    void runAsRootIntoTheServersHuntsFolderTheReportBelongsToTheServersUser() throws Exception {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "only root can write files another user must own");
        Path hunts = Files.createDirectory(dir.resolve("hunts-of-the-server"));
        Files.setAttribute(hunts, "unix:uid", 1000);
        Files.setAttribute(hunts, "unix:gid", 1000);

        hunt(plan(hunts.resolve("h1")));

        try (Stream<Path> report = Files.walk(hunts.resolve("h1"))) {
            assertThat(report.toList()).hasSizeGreaterThan(3).allSatisfy(p -> {
                assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as("owner of " + p)
                        .isEqualTo(1000);
                assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as("group of " + p)
                        .isEqualTo(1000);
            });
        }
    }

    @Test
    void neverFollowsALinkOutOfTheRootAndListsItAsAFailure() throws Exception {
        HuntSummary summary = hunt(plan(dir.resolve("report")));

        assertThat(HuntFixture.hits(dir.resolve("report"))).extracting(HuntHit::location)
                .noneMatch(l -> l.contains("link-to"));
        assertThat(summary.unreadable()).isEqualTo(2);
        assertThat(summary.failures()).extracting(f -> f.location())
                .containsExactlyInAnyOrder("2026/11/02/link-to-file", "2026/11/03/link-to-folder");
    }

    @Test
    void theCsvHasOneDefusedRowPerAffectedStudy() throws Exception {
        HuntSummary summary = hunt(plan(dir.resolve("report")));

        List<String> rows = Files.readAllLines(dir.resolve("report").resolve(HuntReport.CSV), StandardCharsets.UTF_8);
        assertThat(rows).hasSize(1 + summary.byStudy().size());
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).doesNotStartWith("="));
        // Study 3 has a patient ID that a spreadsheet would run as a formula.
        assertThat(rows).anyMatch(row -> row.contains(",'=HYPERLINK(1)3,"));
    }

    @Test
    void sinceSkipsOlderStudiesByTheirStudyDate() throws Exception {
        HuntSummary summary = hunt(HuntFixture.with(plan(dir.resolve("report")), Shard.ALL, "20261104", null));

        // Studies 0..2 are dated Nov 1-3; infected studies 3, 4 and 5 are dated Nov 4-6.
        assertThat(HuntFixture.hits(dir.resolve("report"))).extracting(HuntHit::studyInstanceUid)
                .allMatch(uid -> Integer.parseInt(uid.substring(uid.lastIndexOf('.') + 1)) >= 3)
                .hasSize(3);
        assertThat(summary.objects() + summary.notDicom() + summary.unreadable())
                .isLessThan(tree.dicomFiles.size());
        assertThat(summary.notes()).anyMatch(n -> n.contains("before 20261104"));
    }

    @Test
    void shardsTogetherJudgeEveryObjectExactlyOnce() throws Exception {
        List<HuntHit> all = new ArrayList<>();
        long objects = 0;
        for (int i = 1; i <= 3; i++) {
            Path report = dir.resolve("shard-" + i);
            HuntSummary summary = hunt(HuntFixture.with(plan(report), new Shard(i, 3), null, null));
            assertThat(summary.shard()).isEqualTo(i + "/3");
            assertThat(summary.objects()).isLessThan(tree.dicomFiles.size());
            objects += summary.objects();
            all.addAll(HuntFixture.hits(report));
        }
        assertThat(objects).isEqualTo(tree.dicomFiles.size());
        assertThat(all).extracting(HuntHit::location).containsExactlyInAnyOrderElementsOf(tree.infected.keySet());
    }

    @Test
    void aDryRunRecordsWhatWouldHaveBeenDone() throws Exception {
        hunt(HuntFixture.with(plan(dir.resolve("report")), Shard.ALL, null, HitAction.dryRun("would reject 113037^DCM")));

        assertThat(HuntFixture.hits(dir.resolve("report"))).extracting(HuntHit::rejection)
                .allMatch(r -> r.status().equals(Rejection.DRY_RUN) && r.message().contains("113037^DCM"));
    }

    @Test
    void aFailingRejectionIsListedAndTheHuntGoesOn() throws Exception {
        HitAction failing = hit -> {
            if (hit.studyInstanceUid().endsWith(".1")) {
                throw new IllegalStateException("connection refused");
            }
            return new Rejection(Rejection.REJECTED, 204, null);
        };
        HuntSummary summary = hunt(HuntFixture.with(plan(dir.resolve("report")), Shard.ALL, null, failing));

        assertThat(summary.hits()).isEqualTo(tree.infected.size());
        assertThat(summary.failures()).anyMatch(f -> f.reason().contains("rejection failed")
                && f.reason().contains("connection refused"));
        assertThat(summary.byStudy()).filteredOn(s -> s.studyInstanceUid().endsWith(".1"))
                .singleElement().satisfies(s -> assertThat(s.failed()).isEqualTo(1));
        assertThat(summary.byStudy()).filteredOn(s -> !s.studyInstanceUid().endsWith(".1"))
                .allSatisfy(s -> assertThat(s.rejected()).isEqualTo(s.instances()));
    }

    @Test
    void everyRejectionIsRecordedInTheFindingsLogWithWhoWhyAndTheAnswer() throws Exception {
        Path log = dir.resolve("findings.log");
        HitAction rejecting = hit -> new Rejection(Rejection.REJECTED, 200, "{\"count\":1}");
        HuntPlan p = HuntFixture.with(plan(dir.resolve("report")), Shard.ALL, null, rejecting);
        hunt(new HuntPlan(p.sources(), p.scanner(), p.rulesDir(), p.rulesetId(), p.report(), p.huntId(), p.threads(),
                p.throttle(), p.shard(), p.since(), p.action(), new FindingsLog(log), "alice", p.maxObjectBytes(),
                p.spool(), p.clock(), p.checkpointEvery(), p.progressEvery(), p.listener()));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(tree.infected.size()).allSatisfy(line -> {
            assertThat(line.get("event").asText()).isEqualTo("hunt-reject");
            assertThat(line.get("user").asText()).isEqualTo("alice");
            assertThat(line.get("rulesetId").asText()).isEqualTo(fixture.rules.current().orElseThrow().id());
            assertThat(line.get("rules")).isNotEmpty();
            assertThat(line.at("/rejection/status").asText()).isEqualTo("rejected");
            assertThat(line.at("/rejection/httpStatus").asInt()).isEqualTo(200);
        });
        assertThat(lines).extracting(l -> l.get("sopInstanceUid").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aDryRunIsNotRecordedInTheFindingsLog() throws Exception {
        Path log = dir.resolve("findings.log");
        HuntPlan p = HuntFixture.with(plan(dir.resolve("report")), Shard.ALL, null, HitAction.dryRun("would"));
        hunt(new HuntPlan(p.sources(), p.scanner(), p.rulesDir(), p.rulesetId(), p.report(), p.huntId(), p.threads(),
                p.throttle(), p.shard(), p.since(), p.action(), new FindingsLog(log), "alice", p.maxObjectBytes(),
                p.spool(), p.clock(), p.checkpointEvery(), p.progressEvery(), p.listener()));

        assertThat(log).doesNotExist();
    }

    @Test
    void aNewHuntNeverWritesIntoAFolderHoldingOtherFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("home"));
        Files.writeString(folder.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> hunt(plan(folder))).isInstanceOf(HuntException.class)
                .hasMessageContaining("not empty");
        try (var entries = Files.list(folder)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aFinishedHuntIsNotRunAgainInTheSameFolder() throws Exception {
        hunt(plan(dir.resolve("report")));

        assertThatThrownBy(() -> hunt(plan(dir.resolve("report")))).isInstanceOf(HuntException.class)
                .hasMessageContaining("finished");
    }

    @Test
    void aResumeWithOtherOptionsIsRefused() throws Exception {
        Path report = dir.resolve("report");
        StoredObjects failing = new StoppingSource(StorageFolders.of(List.of(tree.root)), 50);
        assertThatThrownBy(() -> hunt(fixture.plan(List.of(failing), report, dir.resolve("spool"))))
                .isInstanceOf(HuntException.class);

        assertThatThrownBy(() -> hunt(HuntFixture.with(plan(report), new Shard(1, 2), null, null)))
                .isInstanceOf(HuntException.class).hasMessageContaining("shard 1/1 → 1/2");
    }

    @Test
    void aStoppedHuntResumesWithoutReportingAHitTwice() throws Exception {
        Path clean = dir.resolve("clean");
        hunt(plan(clean));
        Set<String> expected = HuntFixture.hits(clean).stream().map(HuntHit::key).collect(Collectors.toSet());

        Path report = dir.resolve("report");
        Path firstCheckpoint = dir.resolve("first-checkpoint");
        int[] stops = {100, 150, 120};
        for (int stop : stops) {
            StoredObjects stopping = new StoppingSource(StorageFolders.of(List.of(tree.root)), stop);
            assertThatThrownBy(() -> hunt(fixture.plan(List.of(stopping), report, dir.resolve("spool"))))
                    .isInstanceOf(HuntException.class);
            if (!Files.exists(firstCheckpoint)) {
                Files.copy(report.resolve(HuntReport.CHECKPOINT), firstCheckpoint);
            }
            // A kill can cut the last hit line short: the resumed hunt must still read and extend the file.
            Files.writeString(report.resolve(HuntReport.HITS), "{\"at\":\"2026-", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        // As if killed before any later checkpoint reached the disk: the hits after the first are past its position.
        Files.copy(firstCheckpoint, report.resolve(HuntReport.CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        assertThat(HuntFixture.hits(report)).hasSizeGreaterThan(HuntFixture.hits(clean).size() / 3);
        HuntSummary resumed = hunt(plan(report));

        List<String> keys = HuntFixture.hits(report).stream().map(HuntHit::key).toList();
        assertThat(new HashSet<>(keys)).isEqualTo(expected);
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(resumed.objects()).isEqualTo(tree.dicomFiles.size());
        assertThat(resumed.hits()).isEqualTo(expected.size());
        assertThat(resumed.notDicom()).isEqualTo(1);
        assertThat(resumed.unreadable()).isEqualTo(2);
        assertThat(resumed.failures()).hasSize(2);
    }
}
