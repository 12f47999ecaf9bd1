package org.yaraguard.audit.message;

import java.time.Instant;
import java.util.List;

/** One message of each kind, as the tests and docs/audit.md show them. */
final class Samples {

    static final Instant AT = Instant.parse("2026-11-30T17:30:12.345Z");
    static final AuditIdentity IDENTITY = new AuditIdentity("pacs1.example.org", "St. Example Hospital",
            "pacs1.example.org", false);
    static final ObjectIds OBJECT = new ObjectIds("1.2.826.0.1.3680043.8.498.1", "1.2.840.10008.5.1.4.1.1.104.1",
            "1.2.826.0.1.3680043.8.498.1.1.1", "ACC0001", "PAT-0042", "Doe^Jane");
    static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String RULE_SET = "3b1c0e9d5a7f2e4c";

    private Samples() {
    }

    static Detection detection(Detection.Handling handling, String action) {
        return new Detection(AT, handling, List.of(GuardCode.RULE_MATCH), List.of("dicom/pdf.yar:PDF_JavaScript"),
                RULE_SET, SHA256, action, null, "c-store", "MODALITY1", "10.1.2.3", "DCM4CHEE",
                handling == Detection.Handling.REFUSED ? "20261130T173012Z-9f86d081" : null, OBJECT);
    }

    /** An object that could not even be read: only its hash and quarantine entry are known. */
    static Detection unreadable() {
        return new Detection(AT, Detection.Handling.REFUSED, List.of(GuardCode.NOT_INSPECTED), List.of(), RULE_SET,
                SHA256, "reject", "incomplete: a length past the end", "stow-rs", null, "192.168.7.9", "DCM4CHEE",
                "20261130T173012Z-9f86d081", ObjectIds.unknown());
    }

    static RuleSetChange live() {
        return new RuleSetChange(AT, GuardCode.RULE_SET_LIVE, "0a1b2c3d4e5f6071", RULE_SET,
                List.of("dicom/pdf.yar 5d41402abc4b2a76b9719d911017c592", "pe.yar 7d793037a0760186574b0282f2f435e7"),
                42, List.of());
    }

    static RuleSetChange refused() {
        return new RuleSetChange(AT, GuardCode.RULE_SET_REFUSED, RULE_SET, "c4ca4238a0b92382",
                List.of(), -1, List.of("dicom/pdf.yar:12: syntax error, unexpected identifier"));
    }

    static RuleSetChange restored() {
        return new RuleSetChange(AT, GuardCode.RULE_SET_RESTORED, RULE_SET, RULE_SET,
                List.of("dicom/pdf.yar 5d41402abc4b2a76b9719d911017c592"), 42, List.of());
    }

    static ReviewAction review(GuardCode function) {
        return new ReviewAction(AT, function, "alice", "10.9.8.7", true, "20261130T173012Z-9f86d081", SHA256,
                function == GuardCode.VIEW ? null : "false positive confirmed by vendor", OBJECT);
    }
}
