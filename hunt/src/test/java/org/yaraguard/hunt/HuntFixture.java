package org.yaraguard.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.Policy;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.scan.TroubleActions;
import org.yaraguard.engine.yara.YaraUnavailableException;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.rules.DefaultRules;

/** The bundled rules compiled once, a scanner over them as ingest builds it, and plans for hunts in tests. */
final class HuntFixture implements AutoCloseable {

    final Path rulesDir;
    final RulesFolder rules;
    final ObjectScanner scanner;

    HuntFixture(Path work) throws IOException, YaraUnavailableException {
        rulesDir = Files.createDirectories(work.resolve("rules"));
        DefaultRules.copyTo(rulesDir);
        rules = RulesFolder.open(rulesDir, RulesFolder.Options.once());
        scanner = new ObjectScanner(rules, new DicomInspector(InspectionLimits.defaults()), Policy.defaults(),
                TroubleActions.defaults(), ScanLimits.defaults());
    }

    HuntPlan plan(List<StoredObjects> sources, Path report, Path spool) {
        return new HuntPlan(sources, scanner, rulesDir.toString(), rules.current().orElseThrow().id(), report,
                "test-hunt", 2, Throttle.unlimited(), Shard.ALL, null, null, null, "tester",
                ScanLimits.MAX_SCANNABLE_BYTES, spool, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(1),
                null);
    }

    static HuntPlan with(HuntPlan p, Shard shard, String since, HitAction action) {
        return new HuntPlan(p.sources(), p.scanner(), p.rulesDir(), p.rulesetId(), p.report(), p.huntId(), p.threads(),
                p.throttle(), shard, since, action, p.findings(), p.reviewer(), p.maxObjectBytes(), p.spool(),
                p.clock(), p.checkpointEvery(), p.progressEvery(), p.listener());
    }

    static List<HuntHit> hits(Path report) throws IOException {
        try (Stream<HuntHit> hits = HuntReport.open(report).hits()) {
            return hits.toList();
        }
    }

    @Override
    public void close() {
        rules.close();
    }
}
