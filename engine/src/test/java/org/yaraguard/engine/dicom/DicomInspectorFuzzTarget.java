package org.yaraguard.engine.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Jazzer fuzz target over {@link DicomInspector}. It stays out of the shared test JVM (Jazzer installs an agent
 * and instruments classes there): its name does not end in "Test", and it is enabled only when fuzzing
 * (JAZZER_FUZZ=1). {@link DicomFuzzRunTest} runs it in a JVM of its own, seeded with the DCMTK-made corpus;
 * {@link DicomSeedCorpusTest} runs its body over the committed corpus as a regression test.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1|true|yes",
        disabledReason = "fuzzing runs in its own JVM through DicomFuzzRunTest")
class DicomInspectorFuzzTarget {

    /** Small limits so that each run is fast and the limits themselves are exercised. */
    static final InspectionLimits LIMITS = new InspectionLimits(8, 20_000, 256 * 1024, 64);
    private static final DicomInspector INSPECTOR = new DicomInspector(LIMITS);
    private static final String[] HINTS = {
        null, Syntax.IMPLICIT_LE_UID, Syntax.EXPLICIT_BE_UID, Syntax.DEFLATED_UID,
    };

    /** The maximum duration is overridden by DicomFuzzRunTest; this one applies when run from an IDE. */
    @FuzzTest(maxDuration = "60s")
    void inspect(byte[] input) {
        for (String hint : HINTS) {
            InspectionInvariants.check(input, INSPECTOR.inspect(ByteBuffer.wrap(input), hint), LIMITS);
        }
    }
}
