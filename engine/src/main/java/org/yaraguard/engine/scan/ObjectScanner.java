package org.yaraguard.engine.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaraguard.engine.dicom.Anomaly;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.Region;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.rules.ActiveRules;
import org.yaraguard.engine.rules.ExternalVariables;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.yara.YaraException;
import org.yaraguard.engine.yara.YaraMatch;
import org.yaraguard.engine.yara.YaraRules;
import org.yaraguard.engine.yara.YaraScanIncompleteException;
import org.yaraguard.engine.yara.YaraScanTimeoutException;

/**
 * Judges one object: inspects its DICOM structure (framed by how it arrived), scans the whole object once and then
 * each extracted region with the rules in force (the preamble only with the rules that name the region), and turns
 * matches, anomalies and trouble into a {@link Verdict}.
 * Whatever could not be fully inspected or scanned is trouble, never a pass. Thread-safe.
 */
public final class ObjectScanner {

    private final RulesFolder rules;
    private final DicomInspector inspector;
    private final Policy policy;
    private final TroubleActions troubleActions;
    private final ScanLimits limits;
    /** False for callers that never report a hash: a flagged object is then hashed only if its hash is known. */
    private final boolean hashFlagged;

    public ObjectScanner(RulesFolder rules, DicomInspector inspector, Policy policy, TroubleActions troubleActions,
                         ScanLimits limits) {
        this(rules, inspector, policy, troubleActions, limits, true);
    }

    private ObjectScanner(RulesFolder rules, DicomInspector inspector, Policy policy, TroubleActions troubleActions,
                          ScanLimits limits, boolean hashFlagged) {
        this.rules = rules;
        this.inspector = inspector;
        this.policy = policy;
        this.troubleActions = troubleActions;
        this.limits = limits;
        this.hashFlagged = hashFlagged;
    }

    /**
     * This scanner, but its verdicts carry a SHA-256 only where the object already knew it: for a caller that never
     * reports hashes (the command line's table). Hashing a flagged object costs more than scanning it in a JVM
     * without C2, where SHA-256 has no intrinsic (~140 MiB/s).
     */
    public ObjectScanner withoutHashes() {
        return new ObjectScanner(rules, inspector, policy, troubleActions, limits, false);
    }

    /** Never throws for anything the object or the engine does: such trouble becomes part of the verdict. */
    public Verdict scan(SpooledObject object, ScanContext context) {
        long start = System.nanoTime();
        Outcome outcome = new Outcome();
        if (object.size() > limits.maxObjectBytes()) {
            outcome.trouble(new Trouble(Trouble.Kind.TOO_LARGE,
                    object.size() + " bytes exceed the limit of " + limits.maxObjectBytes()));
        } else {
            Optional<ActiveRules> active = rules.activate();
            if (active.isEmpty()) {
                outcome.trouble(new Trouble(Trouble.Kind.NO_RULES, "no rule set is in force"));
            } else {
                try (ActiveRules inForce = active.get()) {
                    outcome.ruleSetId = inForce.ruleSet().id();
                    scanWithRules(object, context, inForce, start, outcome);
                }
            }
        }
        return outcome.verdict(object, (System.nanoTime() - start) / 1_000);
    }

    private void scanWithRules(SpooledObject object, ScanContext context, ActiveRules inForce, long start,
                               Outcome outcome) {
        try {
            ByteBuffer bytes = object.bytes();
            // Closed right after the last region scan: derived views (inflated, swapped …) are freed at once.
            try (Inspection inspection = inspector.inspect(bytes, context.framing(), context.transferSyntaxHint())) {
                outcome.inspect(inspection);
                Map<String, Object> variables = variables(inspection, context);
                scanRegion(inForce.lease(), bytes, ExternalVariables.WHOLE_OBJECT, 0, variables, start, outcome);
                for (Region region : inspection.regions()) {
                    // A slice at offset 0 (the preamble) is a prefix of the object: a rule that never names the region
                    // saw its bytes, at the same offsets, in the whole-object scan. Every other region is a file of
                    // its own to such rules (an encapsulated PDF's header at its offset 0), or new bytes.
                    YaraRules.Lease lease = region.offset() == 0 ? inForce.regionAwareLease() : inForce.lease();
                    if (lease != null) {
                        scanRegion(lease, region.bytes(), region.name(), region.offset(), variables, start, outcome);
                    }
                }
            }
        } catch (YaraScanTimeoutException e) {
            outcome.trouble(new Trouble(Trouble.Kind.TIMEOUT, "scan exceeded " + limits.timeout().toSeconds() + " s"));
        } catch (YaraException | IOException | RuntimeException e) {
            outcome.trouble(new Trouble(Trouble.Kind.ENGINE_ERROR, String.valueOf(e.getMessage())));
        } catch (Error e) {
            // Out of memory (or stack) mid-scan says nothing about the object: never an anomaly, never a pass.
            outcome.trouble(new Trouble(Trouble.Kind.ENGINE_ERROR, e.getClass().getSimpleName() + " during the scan"));
        }
    }

    private void scanRegion(YaraRules.Lease lease, ByteBuffer bytes, String region, long regionOffset,
                            Map<String, Object> variables, long start, Outcome outcome)
            throws YaraScanTimeoutException, YaraException {
        Duration left = limits.timeout().minusNanos(System.nanoTime() - start);
        if (left.isNegative() || left.isZero()) {
            throw new YaraScanTimeoutException("time budget of " + limits.timeout().toSeconds() + " s spent before region " + region);
        }
        variables.put(ExternalVariables.REGION, region);
        List<YaraMatch> matches;
        try {
            matches = lease.scan(bytes, variables, left);
        } catch (YaraScanIncompleteException e) {
            // A string gave up recording matches: a rule may have missed. What the rules did report still counts (a
            // reject finding must not hide behind the trouble's action), and the other regions are still scanned.
            outcome.trouble(new Trouble(Trouble.Kind.INCOMPLETE, "region " + region + ": " + e.getMessage()));
            matches = e.partialMatches();
        }
        for (YaraMatch match : matches) {
            // Recorded offsets are offsets in the object: a derived view's (offset -1) have no place there.
            List<Long> offsets = regionOffset < 0 ? List.of() : regionOffset == 0 ? match.offsets()
                    : match.offsets().stream().map(o -> o + regionOffset).toList();
            outcome.findings.add(match.rule(), region, offsets, policy.resolve(match.rule()).action());
        }
    }

    private static Map<String, Object> variables(Inspection inspection, ScanContext context) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ExternalVariables.IS_PART10, inspection.part10());
        variables.put(ExternalVariables.SOP_CLASS_UID, orEmpty(inspection.attributes().sopClassUid()));
        variables.put(ExternalVariables.TRANSFER_SYNTAX, orEmpty(inspection.transferSyntaxUid()));
        variables.put(ExternalVariables.MIME_TYPE, orEmpty(inspection.encapsulatedMimeType()));
        variables.put(ExternalVariables.CALLING_AET, context.callingAet());
        variables.put(ExternalVariables.SOURCE, context.source());
        String fileName = ExternalVariables.objectFileName(inspection.attributes().sopInstanceUid());
        variables.put(ExternalVariables.FILENAME, fileName);
        variables.put(ExternalVariables.FILEPATH, fileName);
        return variables;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** What one scan gathered so far; trouble keeps the findings made before it. */
    private final class Outcome {
        final FindingTally findings = new FindingTally();
        Inspection inspection;
        /** The first trouble met, which the verdict reports. */
        Trouble trouble;
        /** The strongest action of every trouble met, reported or not. */
        Action troubleAction = Action.CLEAN;
        String ruleSetId;

        void trouble(Trouble met) {
            if (trouble == null) {
                trouble = met;
            }
            troubleAction = troubleAction.max(troubleActions.forKind(met.kind()));
        }

        /** Incomplete anomalies are trouble; benign ones take the anomaly action in {@link #verdict}. */
        void inspect(Inspection done) {
            inspection = done;
            done.anomalies().stream().filter(Anomaly::incomplete).findFirst().ifPresent(first -> trouble(
                    new Trouble(Trouble.Kind.INCOMPLETE, first.kind() + " at " + first.offset() + ": "
                            + first.detail())));
        }

        Verdict verdict(SpooledObject object, long micros) {
            Action action = findings.strongest().max(troubleAction);
            if (inspection != null && inspection.anomalies().stream().anyMatch(a -> !a.incomplete())) {
                action = action.max(troubleActions.onAnomaly());
            }
            boolean part10 = inspection != null && inspection.part10();
            ReviewAttributes attributes = inspection != null ? inspection.attributes() : ReviewAttributes.empty();
            // Hashing costs as much as a third of a scan: a clean file from the command line is not hashed.
            String sha256 = action == Action.CLEAN || !hashFlagged ? object.knownSha256() : object.sha256();
            return new Verdict(action, findings.findings(), inspection != null ? inspection.anomalies() : List.of(),
                    trouble, ruleSetId, sha256, object.size(), micros, part10, attributes, findings.omitted());
        }
    }
}
