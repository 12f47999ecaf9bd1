package org.yaraguard.engine.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer fuzz target over {@link DicomInspector}. Its name does not end in "Test" on purpose: surefire does not
 * run it in the shared test JVM (Jazzer instruments classes and installs an agent there); {@link DicomFuzzRunTest}
 * runs it in fuzzing mode in a JVM of its own, seeded with the DCMTK-made corpus.
 */
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
