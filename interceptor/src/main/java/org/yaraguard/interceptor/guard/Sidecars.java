package org.yaraguard.interceptor.guard;

import java.time.Instant;
import org.yaraguard.engine.quarantine.Sidecar;
import org.yaraguard.engine.scan.Verdict;

/** Builds the sidecar (and findings-log) record of one verdict. */
final class Sidecars {

    private Sidecars() {
    }

    static Sidecar of(Verdict verdict, Origin origin, Mode mode, String status, Instant receivedAt) {
        return new Sidecar(verdict.sha256(), receivedAt.toString(), origin.source(), origin.callingAet(),
                origin.calledAet(), origin.remoteHost(), mode.label(), verdict.action().label(), status,
                verdict.ruleSetId(), verdict.sha256(), verdict.bytes(), verdict.part10(), origin.transferSyntax(),
                verdict.trouble() == null ? null : verdict.trouble().toString(), verdict.attributes(),
                verdict.findings().stream().map(f -> new Sidecar.Match(f.rule(), f.namespace(), f.tags(), f.meta(),
                        f.region(), f.offsets(), f.action().label(), f.count())).toList(),
                verdict.findingsOmitted(), verdict.anomalies(), null);
    }
}
