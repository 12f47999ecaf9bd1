package org.yaraguard.engine.dicom;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Entry point of the forked fuzzing JVM: runs {@link DicomInspectorFuzzTarget} through the JUnit launcher with
 * Jazzer's libFuzzer arguments, and exits 0 only if the fuzz test ran and found nothing.
 *
 * <p>Arguments: work folder (findings land here), writable corpus folder, seed corpus folder, seconds, libFuzzer
 * random seed (0: a new one each run).
 */
final class DicomFuzzLauncher {

    private DicomFuzzLauncher() {
    }

    public static void main(String[] args) {
        String workFolder = args[0];
        String corpus = args[1];
        String seeds = args[2];
        String seconds = args[3];
        String seed = args[4];
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(DicomInspectorFuzzTarget.class, "inspect", "byte[]"))
                .configurationParameter("jazzer.internal.basedir", workFolder)
                // libFuzzer command line: argv0, the corpus it writes to, then read-only seed folders, then flags
                // (flags given here come last and win over the annotation's maxDuration).
                .configurationParameter("jazzer.internal.arg.0", "dicom-fuzz")
                .configurationParameter("jazzer.internal.arg.1", corpus)
                .configurationParameter("jazzer.internal.arg.2", seeds)
                .configurationParameter("jazzer.internal.arg.3", "-max_total_time=" + seconds)
                .configurationParameter("jazzer.internal.arg.4", "-seed=" + seed)
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 40);
        boolean clean = summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0;
        System.exit(clean ? 0 : 1);
    }
}
