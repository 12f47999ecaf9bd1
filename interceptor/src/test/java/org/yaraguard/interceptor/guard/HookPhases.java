package org.yaraguard.interceptor.guard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.spool.SpooledObject;

/**
 * Benchmark, not a test: where the hook's time goes on the ingest path of one object, phase by phase, in this JVM
 * (no archive): spool the sender's stream, judge (inspect and scan; the inspection is also timed alone), and hand the
 * archive its stream (drained here as the archive would read it). Run by {@code bench/hook.sh phases PART10_FILE
 * [RULES_DIR]} (a clean Part-10 object, judged as STOW-RS receives it).
 */
public final class HookPhases {

    private HookPhases() {
    }

    public static void main(String[] args) throws Exception {
        byte[] object = Files.readAllBytes(Path.of(args[0]));
        String source = "stow-rs";
        Path rules = Path.of(args.length > 1 ? args[1] : "rules/default");
        int iterations = Integer.getInteger("iterations", 400);
        Path temp = Files.createTempDirectory("hook-phases");
        Map<String, String> properties = GuardFolders.under(temp, "rule unused { condition: false }");
        properties.put("yara-guard.rules.dir", rules.toAbsolutePath().toString());
        Origin origin = new Origin(source, "BENCHSCU", "DCM4CHEE", "127.0.0.1", null);
        try (Guard guard = Guard.start(GuardSettings.from(properties::get), Clock.systemUTC())) {
            long[] totals = new long[4];
            DicomInspector inspector = new DicomInspector(InspectionLimits.defaults());
            for (int i = -iterations / 4; i < iterations; i++) {
                long t0 = System.nanoTime();
                SpooledObject spooled = guard.spool(new ByteArrayInputStream(object));
                long t1 = System.nanoTime();
                Ruling ruling = guard.judge(spooled, origin);
                long t2 = System.nanoTime();
                long inspecting;
                try (Inspection inspection = inspector.inspect(spooled.bytes(), origin.framing(), null)) {
                    inspecting = System.nanoTime() - t2;
                    if (i == 0) {
                        System.out.println("regions: " + inspection.regions().stream()
                                .map(r -> r.name() + " " + r.bytes().remaining() + " bytes").toList());
                    }
                }
                t2 = System.nanoTime();
                try (InputStream stored = guard.streamToStore(spooled, ruling, origin)) {
                    stored.transferTo(OutputStream.nullOutputStream());
                }
                spooled.close();
                long t3 = System.nanoTime();
                if (ruling.outcome() != Ruling.Outcome.STORE) {
                    throw new IllegalStateException("not a clean object: " + ruling);
                }
                if (i >= 0) {
                    totals[0] += t1 - t0;
                    totals[1] += t2 - t1;
                    totals[2] += t3 - t2;
                    totals[3] += inspecting;
                }
            }
            System.out.printf("%d bytes, %s, %d iterations: spool %.0f us, judge %.0f us (of which inspection alone"
                    + " %.0f us), stream to store %.0f us (mean per object)%n", object.length, source, iterations,
                    totals[0] / 1e3 / iterations, totals[1] / 1e3 / iterations, totals[3] / 1e3 / iterations,
                    totals[2] / 1e3 / iterations);
        }
    }
}
