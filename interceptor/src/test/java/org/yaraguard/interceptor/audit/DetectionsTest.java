package org.yaraguard.interceptor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaraguard.audit.message.Detection;
import org.yaraguard.audit.message.GuardCode;
import org.yaraguard.audit.message.ObjectIds;
import org.yaraguard.engine.dicom.Anomaly;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.interceptor.guard.Mode;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/** Which rulings become Security Alerts: the choices docs/audit.md states. */
class DetectionsTest {

    private static final Origin ORIGIN = new Origin("c-store", "MOD", "ARC", "10.0.0.1", "1.2.840.10008.1.2");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final Finding FINDING = new Finding("Pdf_JavaScript", "dicom/pdf.yar", List.of(), Map.of(),
            "pdf-stream", List.of(10L), Action.LOG, 1);
    private static final Anomaly TRAILING = new Anomaly(Anomaly.Kind.TRAILING_DATA, "12 bytes after the dataset", 100);

    @Test
    void aLogVerdictIsAuditedForARuleOrTroubleNeverForBenignAnomaliesAlone() {
        assertThat(Detections.of(store(verdict(Action.LOG, List.of(), List.of(TRAILING), null)), ORIGIN, CLOCK)).isNull();
        assertThat(Detections.of(store(verdict(Action.CLEAN, List.of(), List.of(), null)), ORIGIN, CLOCK)).isNull();
        Detection ruled = Detections.of(store(verdict(Action.LOG, List.of(FINDING), List.of(TRAILING), null)),
                ORIGIN, CLOCK);
        assertThat(ruled.handling()).isEqualTo(Detection.Handling.LOGGED);
        assertThat(ruled.reasons()).containsExactly(GuardCode.RULE_MATCH, GuardCode.ANOMALY);
        assertThat(ruled.rules()).containsExactly("dicom/pdf.yar:Pdf_JavaScript");
        Detection troubled = Detections.of(store(verdict(Action.LOG, List.of(), List.of(),
                new Trouble(Trouble.Kind.TIMEOUT, "10 s"))), ORIGIN, CLOCK);
        assertThat(troubled.reasons()).containsExactly(GuardCode.NOT_INSPECTED);
        assertThat(troubled.trouble()).isEqualTo("timeout: 10 s");
    }

    @Test
    void anObjectThatCouldNotBeSpooledIsStillAuditedWithWhatIsKnown() {
        Verdict spoolFailed = new Verdict(Action.REJECT, List.of(), List.of(),
                new Trouble(Trouble.Kind.ENGINE_ERROR, "spool failed: disk full"), "ruleset", null, 0, 0, false, null,
                0);
        Detection detection = Detections.of(new Ruling(Ruling.Outcome.REFUSE, spoolFailed, Mode.ENFORCE, 0xA700,
                "YARA Guard: cannot spool object", null), ORIGIN, CLOCK);
        assertThat(detection.handling()).isEqualTo(Detection.Handling.REFUSED);
        assertThat(detection.object()).isEqualTo(ObjectIds.unknown());
        assertThat(detection.callingAet()).isEqualTo("MOD");
    }

    private static Ruling store(Verdict verdict) {
        return new Ruling(Ruling.Outcome.STORE, verdict, Mode.ENFORCE, 0, null, null);
    }

    private static Verdict verdict(Action action, List<Finding> findings, List<Anomaly> anomalies, Trouble trouble) {
        return new Verdict(action, findings, anomalies, trouble, "ruleset", "ab".repeat(32), 1000, 10, true, null, 0);
    }
}
