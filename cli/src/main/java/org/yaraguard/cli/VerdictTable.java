package org.yaraguard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaraguard.engine.dicom.Anomaly;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Verdict;

/**
 * The human-readable verdict table with a summary line, 80 columns wide: one line per object, and its findings below
 * it, wrapped between names so that no rule name is cut.
 */
final class VerdictTable {

    static final int WIDTH = 80;
    private static final String INDENT = " ".repeat(8);

    private final List<ScanResult> results;

    VerdictTable(List<ScanResult> results) {
        this.results = results;
    }

    void print(PrintWriter out) {
        // Rows padded by hand into one string: a printf per row took 70 ms for 2,000 rows.
        StringBuilder rows = row(new StringBuilder(), "ACTION", "BYTES", "MS", "FILE");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String action : List.of("reject", "tag", "log", "clean", "error")) {
            counts.put(action, 0);
        }
        String ruleSet = null;
        for (ScanResult result : results) {
            counts.merge(result.action(), 1, Integer::sum);
            Verdict verdict = result.verdict();
            if (verdict != null && verdict.ruleSetId() != null) {
                ruleSet = verdict.ruleSetId();
            }
            row(rows, result.action().toUpperCase(Locale.ROOT), Long.toString(result.bytes()),
                    verdict == null ? "-" : milliseconds(verdict.micros()), result.path().toString());
            wrap(rows, describe(result));
        }
        out.print(rows);
        StringBuilder summary = new StringBuilder().append(results.size()).append(" objects:");
        counts.forEach((action, count) -> summary.append(' ').append(count).append(' ').append(action).append(','));
        summary.setLength(summary.length() - 1);
        if (ruleSet != null) {
            summary.append("; rule set ").append(ruleSet, 0, 12);
        }
        out.println(summary);
        out.flush();
    }

    private static List<String> describe(ScanResult result) {
        List<String> parts = new ArrayList<>();
        if (result.verdict() == null) {
            parts.add(result.error());
            return parts;
        }
        for (Finding finding : result.verdict().findings()) {
            parts.add(finding.rule() + "@" + finding.region());
        }
        for (Anomaly anomaly : result.verdict().anomalies()) {
            parts.add("anomaly:" + anomaly.kind());
        }
        if (result.verdict().trouble() != null) {
            parts.add(result.verdict().trouble().toString());
        }
        return parts;
    }

    /**
     * Microseconds as milliseconds with one decimal, rounded half up like {@code "%.1f"} in the root locale: a
     * Formatter per row took 50-70 ms of a 2,000-object run's last step (the launcher's C1-only JVM).
     */
    static String milliseconds(long micros) {
        long tenths = (micros + 50) / 100;
        return tenths / 10 + "." + tenths % 10;
    }

    /** One line as {@code "%-7s %10s %8s  %s%n"} would print it. */
    private static StringBuilder row(StringBuilder to, String action, String bytes, String ms, String file) {
        padRight(to, action, 7).append(' ');
        padLeft(to, bytes, 10).append(' ');
        padLeft(to, ms, 8).append("  ");
        return to.append(file).append(System.lineSeparator());
    }

    /** The parts on indented lines, a line broken only between parts (a part longer than a line stands alone). */
    private static void wrap(StringBuilder to, List<String> parts) {
        int lineLength = 0;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i) + (i < parts.size() - 1 ? "," : "");
            if (lineLength > 0 && lineLength + 1 + part.length() > WIDTH) {
                to.append(System.lineSeparator());
                lineLength = 0;
            }
            if (lineLength == 0) {
                to.append(INDENT).append(part);
                lineLength = INDENT.length() + part.length();
            } else {
                to.append(' ').append(part);
                lineLength += 1 + part.length();
            }
        }
        if (lineLength > 0) {
            to.append(System.lineSeparator());
        }
    }

    private static StringBuilder padRight(StringBuilder to, String text, int width) {
        return to.append(text).append(" ".repeat(Math.max(0, width - text.length())));
    }

    private static StringBuilder padLeft(StringBuilder to, String text, int width) {
        return to.append(" ".repeat(Math.max(0, width - text.length()))).append(text);
    }
}
