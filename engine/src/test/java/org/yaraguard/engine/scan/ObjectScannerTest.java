package org.yaraguard.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.spool.Sha256;
import org.yaraguard.engine.spool.Spool;
import org.yaraguard.engine.spool.SpooledObject;

class ObjectScannerTest {

    private static final String STUDY_UID = "1.2.826.0.1.3680043.2.1125.7";

    @TempDir
    Path work;

    Path rulesDir;
    Path clean;

    @BeforeEach
    void setUp() throws Exception {
        rulesDir = Files.createDirectories(work.resolve("rules"));
        clean = dump2dcm("clean.dcm");
    }

    @Test
    void cleanObjectIsCleanAndCarriesReviewAttributes() throws Exception {
        writeRules("rule Never { strings: $a = \"NEVER-IN-A-DICOM-FILE\" condition: $a }");
        Verdict verdict = scan(clean, Policy.defaults(), TroubleActions.defaults(), ScanLimits.defaults());
        assertThat(verdict.action()).isEqualTo(Action.CLEAN);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.trouble()).isNull();
        assertThat(verdict.part10()).isTrue();
        assertThat(verdict.attributes().studyInstanceUid()).isEqualTo(STUDY_UID);
        assertThat(verdict.ruleSetId()).hasSize(64);
        assertThat(verdict.sha256()).as("a clean file scanned in place is not hashed").isNull();
        assertThat(verdict.bytes()).isEqualTo(Files.size(clean));
    }

    @Test
    void rejectedObjectsAlwaysCarryTheirHashAndCleanSpooledOnesOnDemand() throws Exception {
        writeRules("rule Dicm { meta: action = \"reject\" strings: $d = \"DICM\" condition: $d }");
        Verdict rejected = scan(clean, Policy.defaults(), TroubleActions.defaults(), ScanLimits.defaults());
        assertThat(rejected.sha256()).isEqualTo(Sha256.of(ByteBuffer.wrap(Files.readAllBytes(clean))));
        writeRules("rule Never { strings: $a = \"NEVER-IN-A-DICOM-FILE\" condition: $a }");
        try (RulesFolder rules = RulesFolder.open(rulesDir, RulesFolder.Options.once());
             SpooledObject spooled = new Spool(work, 1 << 20).spool(Files.newInputStream(clean))) {
            Verdict verdict = new ObjectScanner(rules, new DicomInspector(InspectionLimits.defaults()),
                    Policy.defaults(), TroubleActions.defaults(), ScanLimits.defaults()).scan(spooled, ScanContext.cli());
            assertThat(verdict.action()).isEqualTo(Action.CLEAN);
            assertThat(verdict.sha256()).as("a clean spooled object is hashed only on demand").isNull();
            assertThat(spooled.sha256()).isEqualTo(rejected.sha256());
        }
    }

    @Test
    void aScannerWithoutHashesLeavesARejectedFileUnhashedButKeepsAKnownHash() throws Exception {
        writeRules("rule Dicm { meta: action = \"reject\" strings: $d = \"DICM\" condition: $d }");
        try (RulesFolder rules = RulesFolder.open(rulesDir, RulesFolder.Options.once())) {
            ObjectScanner scanner = new ObjectScanner(rules, new DicomInspector(InspectionLimits.defaults()),
                    Policy.defaults(), TroubleActions.defaults(), ScanLimits.defaults()).withoutHashes();
            try (SpooledObject file = SpooledObject.open(clean)) {
                Verdict verdict = scanner.scan(file, ScanContext.cli());
                assertThat(verdict.action()).isEqualTo(Action.REJECT);
                assertThat(verdict.sha256()).as("nobody reports it: not computed").isNull();
            }
            try (SpooledObject spooled = new Spool(work, 1 << 20).spool(Files.newInputStream(clean))) {
                String known = spooled.knownSha256();
                Verdict verdict = scanner.scan(spooled, ScanContext.cli());
                assertThat(verdict.sha256()).as("a hash the object already knew is kept").isEqualTo(known);
            }
        }
    }

    @Test
    void regionRulesSeeOnlyTheirRegionAndExternalsDescribeTheObject() throws Exception {
        Path polyglot = withPreamble(clean, "pe.dcm", new byte[] {'M', 'Z'});
        writeRules("""
                rule MZ_In_Preamble { meta: action = "reject"
                  condition: region == "preamble" and uint16(0) == 0x5A4D }
                rule Seen_As_Part10_From_Cli { meta: action = "log"
                  condition: region == "object" and is_part10 and source == "cli" and calling_aet == ""
                    and sop_class_uid == "1.2.840.10008.5.1.4.1.1.7" and transfer_syntax == "1.2.840.10008.1.2.1" }
                rule Unmapped { strings: $d = "DICM" condition: region == "object" and $d }
                """);
        Verdict verdict = scan(polyglot, Policy.parse("rule:Unmapped=tag", Action.REJECT),
                TroubleActions.defaults(), ScanLimits.defaults());
        assertThat(verdict.findings()).extracting(f -> f.rule() + "@" + f.region() + "=" + f.action().label())
                .containsExactlyInAnyOrder("MZ_In_Preamble@preamble=reject", "Seen_As_Part10_From_Cli@object=log",
                        "Unmapped@object=tag");
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
        assertThat(verdict.decisiveRules()).containsExactly("MZ_In_Preamble");
    }

    @Test
    void anomaliesTakeTheirConfiguredAction() throws Exception {
        Path odd = withPreamble(clean, "odd.dcm", new byte[] {'h', 'e', 'l', 'l', 'o'});
        writeRules("rule Never { strings: $a = \"NEVER-IN-A-DICOM-FILE\" condition: $a }");
        TroubleActions tagAnomalies = new TroubleActions(Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.TAG);
        Verdict verdict = scan(odd, Policy.defaults(), tagAnomalies, ScanLimits.defaults());
        assertThat(verdict.anomalies()).isNotEmpty();
        assertThat(verdict.action()).isEqualTo(Action.TAG);
    }

    @Test
    void objectsOverTheSizeLimitAreNotScannedAndTakeTheTooLargeAction() throws Exception {
        writeRules("rule Any { condition: true }");
        TroubleActions logTooLarge = new TroubleActions(Action.REJECT, Action.LOG, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.LOG);
        Verdict verdict = scan(clean, Policy.defaults(), logTooLarge, new ScanLimits(Duration.ofSeconds(5), 100));
        assertThat(verdict.trouble().kind()).isEqualTo(Trouble.Kind.TOO_LARGE);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.action()).isEqualTo(Action.LOG);
    }

    @Test
    void aScanThatRunsOutOfTimeTakesTheTimeoutAction() throws Exception {
        writeRules("rule Slow { condition: for all i in (0..filesize - 1) : (uint8(i) == 0 or uint8(i) != 0) }");
        Path big = work.resolve("big.bin");
        Files.write(big, new byte[96 * 1024 * 1024]);
        TroubleActions tagTimeouts = new TroubleActions(Action.TAG, Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.CLEAN);
        Verdict verdict = scan(big, Policy.defaults(), tagTimeouts, new ScanLimits(Duration.ofSeconds(1),
                ScanLimits.MAX_SCANNABLE_BYTES));
        assertThat(verdict.trouble()).isNotNull();
        assertThat(verdict.trouble().kind()).isEqualTo(Trouble.Kind.TIMEOUT);
        assertThat(verdict.action()).isEqualTo(Action.TAG);
    }

    @Test
    void framingFollowsTheEntryPointNotTheBytes() throws Exception {
        Path bare = dump2dcm("bare.dcm", "-F");
        writeRules("rule Never { strings: $a = \"NEVER-IN-A-DICOM-FILE\" condition: $a }");
        TroubleActions tagIncomplete = new TroubleActions(Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.TAG, Action.LOG);

        Verdict asCStore = scan(bare, new ScanContext("c-store", "", "", "1.2.840.10008.1.2.1"), tagIncomplete);
        Verdict asStow = scan(bare, new ScanContext("stow-rs", "", "", null), tagIncomplete);
        Verdict polyglotAsCStore = scan(withPreamble(clean, "mz.dcm", new byte[] {'M', 'Z'}),
                new ScanContext("c-store", "", "", "1.2.840.10008.1.2.1"), tagIncomplete);

        assertThat(asCStore.action()).isEqualTo(Action.CLEAN);
        assertThat(asCStore.attributes().studyInstanceUid()).isEqualTo(STUDY_UID);
        assertThat(asStow.part10()).isFalse();
        assertThat(asStow.action()).as("a STOW-RS part without a preamble is not read as the archive would")
                .isNotEqualTo(Action.CLEAN);
        assertThat(polyglotAsCStore.part10()).as("a C-STORE dataset never has a preamble, whatever it says").isFalse();
    }

    @Test
    void anIncompleteInspectionIsTroubleWithItsOwnActionNeverAnAnomalyThatLogs() throws Exception {
        byte[] whole = Files.readAllBytes(clean);
        Path truncated = work.resolve("truncated.dcm");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 7));
        writeRules("rule Never { strings: $a = \"NEVER-IN-A-DICOM-FILE\" condition: $a }");
        TroubleActions tagIncomplete = new TroubleActions(Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.TAG, Action.CLEAN);

        Verdict verdict = scan(truncated, ScanContext.cli(), tagIncomplete);

        assertThat(verdict.trouble()).isNotNull();
        assertThat(verdict.trouble().kind()).isEqualTo(Trouble.Kind.INCOMPLETE);
        assertThat(verdict.trouble().detail()).contains("LENGTH_PAST_END");
        assertThat(verdict.anomalies()).anyMatch(a -> a.incomplete());
        assertThat(verdict.action()).isEqualTo(Action.TAG);
        assertThat(scan(truncated, ScanContext.cli(), TroubleActions.defaults()).action())
                .as("fail closed by default").isEqualTo(Action.REJECT);
    }

    @Test
    void aSaturatedStringIsIncompleteTroubleAndItsRegionsFindingsStay() throws Exception {
        Path pairs = work.resolve("pairs.bin");
        byte[] bytes = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'A');
        Files.write(pairs, bytes);
        writeRules("""
                rule Pairs { meta: action = "log" strings: $a = "AA" condition: $a }
                rule Whole { meta: action = "tag" condition: region == "object" }
                """);
        TroubleActions logIncomplete = new TroubleActions(Action.REJECT, Action.REJECT, Action.REJECT, Action.REJECT,
                Action.LOG, Action.CLEAN);

        Verdict verdict = scan(pairs, ScanContext.cli(), logIncomplete);

        assertThat(verdict.trouble().kind()).isEqualTo(Trouble.Kind.INCOMPLETE);
        assertThat(verdict.findings()).extracting(Finding::rule).contains("Pairs", "Whole");
        assertThat(verdict.action()).as("the partial findings count").isEqualTo(Action.TAG);
    }

    @Test
    void benignAnomaliesAreNotTrouble() throws Exception {
        Path odd = withPreamble(clean, "odd.dcm", new byte[] {'h', 'e', 'l', 'l', 'o'});
        writeRules("rule Never { strings: $a = \"NEVER-IN-A-DICOM-FILE\" condition: $a }");

        Verdict verdict = scan(odd, ScanContext.cli(), TroubleActions.defaults());

        assertThat(verdict.trouble()).isNull();
        assertThat(verdict.action()).isEqualTo(Action.LOG);
    }

    @Test
    void manyMatchingRulesAreBoundedAndTheDecisiveOneStays() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("rule Logged_").append(i).append(" { meta: action = \"log\" condition: true }\n");
        }
        text.append("rule Decisive { meta: action = \"reject\" condition: region == \"preamble\" }\n");
        writeRules(text.toString());

        Verdict verdict = scan(clean, Policy.defaults(), TroubleActions.defaults(), ScanLimits.defaults());

        assertThat(verdict.findings()).hasSize(FindingTally.MAX_FINDINGS);
        assertThat(verdict.decisiveRules()).containsExactly("Decisive");
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
        assertThat(verdict.findingsOmitted()).isEqualTo(2 * 300 + 1 - FindingTally.MAX_FINDINGS);
    }

    @Test
    void withoutARuleSetTheNoRulesActionApplies() throws Exception {
        writeRules("rule Broken {");
        Verdict verdict = scan(clean, Policy.defaults(), TroubleActions.defaults(), ScanLimits.defaults());
        assertThat(verdict.trouble().kind()).isEqualTo(Trouble.Kind.NO_RULES);
        assertThat(verdict.ruleSetId()).isNull();
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
    }

    private Verdict scan(Path file, Policy policy, TroubleActions trouble, ScanLimits limits) throws Exception {
        return scan(file, ScanContext.cli(), policy, trouble, limits);
    }

    private Verdict scan(Path file, ScanContext context, TroubleActions trouble) throws Exception {
        return scan(file, context, Policy.defaults(), trouble, ScanLimits.defaults());
    }

    private Verdict scan(Path file, ScanContext context, Policy policy, TroubleActions trouble, ScanLimits limits)
            throws Exception {
        try (RulesFolder rules = RulesFolder.open(rulesDir, RulesFolder.Options.once());
             SpooledObject object = SpooledObject.open(file)) {
            ObjectScanner scanner = new ObjectScanner(rules, new DicomInspector(InspectionLimits.defaults()), policy,
                    trouble, limits);
            return scanner.scan(object, context);
        }
    }

    private void writeRules(String text) throws IOException {
        Files.writeString(rulesDir.resolve("test.yar"), text);
    }

    private Path withPreamble(Path source, String name, byte[] preamble) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        System.arraycopy(preamble, 0, bytes, 0, preamble.length);
        Path target = work.resolve(name);
        Files.write(target, bytes);
        return target;
    }

    /** A small secondary-capture object made by DCMTK's dump2dcm. */
    private Path dump2dcm(String name, String... options) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("+te"));
        all.addAll(List.of(options));
        return Dump2dcm.make(work, name, List.of(
                "(0008,0016) UI =SecondaryCaptureImageStorage",
                "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.7.1.1]",
                "(0008,0060) CS [OT]",
                "(0010,0010) PN [Test^Scanner]",
                "(0010,0020) LO [PID-1]",
                "(0020,000d) UI [" + STUDY_UID + "]",
                "(0020,000e) UI [1.2.826.0.1.3680043.2.1125.7.1]"), all.toArray(String[]::new));
    }
}
