package org.yaraguard.rules.adversarial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.Policy;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.scan.TroubleActions;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.yara.YaraUnavailableException;

/**
 * The engine as the store hook builds it (default rules from {@code default/}, default limits, policy and trouble
 * actions), judging files as they would arrive from an attacker's AE.
 */
final class HookEngine implements AutoCloseable {

    private final RulesFolder rules;
    private final ObjectScanner scanner;

    HookEngine() throws IOException, YaraUnavailableException {
        this.rules = RulesFolder.open(Path.of("default"), RulesFolder.Options.once());
        this.scanner = new ObjectScanner(rules, new DicomInspector(InspectionLimits.defaults()), Policy.defaults(),
                TroubleActions.defaults(), ScanLimits.defaults());
    }

    Verdict scan(Path file, Arrival arrival) throws IOException {
        try (SpooledObject spooled = SpooledObject.open(file)) {
            return scanner.scan(spooled, new ScanContext(arrival.source(), "ATTACKER", "127.0.0.1",
                    arrival.transferSyntaxHint()));
        }
    }

    /** The verdict in one line: action, findings (rule@region=action), anomaly kinds and trouble. */
    static String describe(Verdict verdict) {
        Set<String> findings = verdict.findings().stream()
                .map(f -> f.rule() + "@" + f.region() + "=" + f.action().label())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> anomalies = verdict.anomalies().stream().map(a -> a.kind().name()).distinct().toList();
        return verdict.action() + " findings=" + findings + " anomalies=" + anomalies + " trouble="
                + verdict.trouble();
    }

    @Override
    public void close() throws IOException {
        rules.close();
    }
}
