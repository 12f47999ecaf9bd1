package org.yaraguard.engine.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clean real-world objects from many vendors and toolkits (Debian's python3-pydicom test files) are never
 * incomplete: where one was, the reader was fixed, not the default loosened.
 */
class DicomInspectorRealObjectsTest {

    private static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    /**
     * Broken on purpose, and incomplete: truncated (dcmdump: premature end of stream), a stray byte before the
     * dataset (no_meta: dcmdump fails, dcm4che finds no DICOM stream), an implicit dataset declared explicit
     * (SC_rgb_jpeg: dcmdump fails).
     */
    private static final Set<String> BROKEN = Set.of("MR_truncated.dcm", "rtplan_truncated.dcm", "no_meta.dcm",
            "SC_rgb_jpeg.dcm");
    private static final InspectionLimits LIMITS = InspectionLimits.defaults();
    private static final DicomInspector INSPECTOR = new DicomInspector(LIMITS);

    static Stream<Path> realObjects() throws IOException {
        assumeTrue(Files.isDirectory(FOLDER), "python3-pydicom's test files are not installed in " + FOLDER
                + " (apt-get install python3-pydicom); CI installs them");
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".dcm")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realObjects")
    void aCleanRealObjectIsCompletelyInspected(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);

        try (Inspection inspection = INSPECTOR.inspect(ByteBuffer.wrap(bytes), Framing.DETECT, null)) {
            InspectionInvariants.check(bytes, inspection, LIMITS);
            boolean broken = BROKEN.contains(file.getFileName().toString());
            assertThat(inspection.incomplete()).as("%s: %s", file.getFileName(), inspection.anomalies())
                    .isEqualTo(broken);
        }
    }
}
