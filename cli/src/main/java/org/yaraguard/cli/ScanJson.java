package org.yaraguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Verdict;

/** The {@code --json} line of one file. */
final class ScanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScanJson() {
    }

    /**
     * The fields of one JSON line; {@code error} is set only when the file could not be scanned, and
     * {@code matchesOmitted} counts matches that a verdict's bounded findings left out.
     */
    record Line(String path, String action, List<Match> matches, long matchesOmitted, List<String> anomalies,
                String trouble, String sha256, long bytes, long micros, String ruleset, String error) {
    }

    /** One finding as printed: a rule in regions of one kind, {@code count} times, with its first offsets. */
    record Match(String rule, String namespace, String region, String action, long count, List<Long> offsets) {
    }

    static String line(ScanResult result) {
        Verdict verdict = result.verdict();
        Line line = verdict == null
                ? new Line(result.path().toString(), "error", List.of(), 0, List.of(), null, null, 0, 0, null,
                        result.error())
                : new Line(result.path().toString(), result.action(),
                        verdict.findings().stream().map(ScanJson::match).toList(), verdict.findingsOmitted(),
                        verdict.anomalies().stream().map(a -> a.kind().name()).toList(),
                        verdict.trouble() == null ? null : verdict.trouble().toString(), result.sha256(),
                        verdict.bytes(), verdict.micros(), verdict.ruleSetId(), null);
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + result.path(), e);
        }
    }

    private static Match match(Finding finding) {
        return new Match(finding.rule(), finding.namespace(), finding.region(), finding.action().label(),
                finding.count(), finding.offsets());
    }
}
