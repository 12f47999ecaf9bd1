package org.yaraguard.interceptor.guard;

import org.yaraguard.engine.scan.Verdict;

/**
 * The one server-log line of a non-clean verdict. It names no patient data (that stays in the findings log, which
 * only the server's user can read) and passes sender-supplied text through {@link Printable}.
 */
final class ServerLogLine {

    private ServerLogLine() {
    }

    static String of(Verdict verdict, Origin origin, Mode mode, String quarantineId) {
        StringBuilder line = new StringBuilder("YARA Guard ").append(verdict.action().label());
        if (mode == Mode.MONITOR) {
            line.append(" (monitor: stored)");
        }
        line.append(' ').append(origin.source()).append(" from ").append(Printable.of(origin.callingAet()))
                .append('@').append(Printable.of(origin.remoteHost()));
        if (!verdict.findings().isEmpty()) {
            line.append(" rules=").append(verdict.findings().stream()
                    .map(f -> f.namespace() + ":" + f.rule() + "/" + f.region() + "=" + f.action().label()
                            + (f.count() > 1 ? " x" + f.count() : ""))
                    .toList());
        }
        if (verdict.findingsOmitted() > 0) {
            line.append(" omitted=").append(verdict.findingsOmitted());
        }
        if (!verdict.anomalies().isEmpty()) {
            line.append(" anomalies=").append(verdict.anomalies().stream().map(a -> a.kind().name()).distinct()
                    .toList());
        }
        if (verdict.trouble() != null) {
            line.append(" trouble=\"").append(Printable.of(verdict.trouble().toString())).append('"');
        }
        line.append(" sha256=").append(verdict.sha256()).append(" ruleset=").append(verdict.ruleSetId());
        if (quarantineId != null) {
            line.append(" quarantined=").append(quarantineId);
        }
        return line.toString();
    }
}
