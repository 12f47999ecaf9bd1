package org.yaraguard.cli.smoke;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaraguard.cli.HostConfig;
import org.yaraguard.cli.TemporaryFolder;
import org.yaraguard.review.ReviewSettings;
import org.yaraguard.rules.samples.DcmtkUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yara-guard smoke}: sends the harmless EICAR test object to the archive by C-STORE (DCMTK's storescu) and
 * checks that YARA Guard refused it with the configured status and quarantined it (or, with {@code --monitor},
 * that it was stored and its verdict recorded in the findings log).
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = "Sends the harmless EICAR test object by C-STORE (needs DCMTK's storescu) and checks that "
                + "the archive refused it with the configured status and that it is in the quarantine. "
                + "Exit 0 pass, 1 fail, 2 cannot tell.")
public final class SmokeCommand implements Callable<Integer> {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int CANNOT_TELL = 2;
    private static final int DEFAULT_REJECT_STATUS = 0x0124;
    private static final int SUCCESS = 0x0000;
    private static final String REJECT_STATUS = "yara-guard.reject.status";
    private static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    @Option(names = "--host", required = true, description = "The archive's DICOM host.")
    String host;

    @Option(names = "--port", required = true, description = "The archive's DICOM port (e.g. 11112).")
    int port;

    @Option(names = "--aet", required = true, paramLabel = "AET", description = "The archive's AE title (called).")
    String calledAet;

    @Option(names = "--calling-aet", paramLabel = "AET", description = "Our AE title (default: ${DEFAULT-VALUE}).")
    String callingAet = "YG-SMOKE";

    @Option(names = "--status", paramLabel = "STATUS",
            description = "The refusal status to expect, e.g. 0x0124 (default: " + REJECT_STATUS
                    + " of the host configuration, $${env.X:default} read from the environment, else 0x0124).")
    String status;

    @Option(names = "--quarantine", paramLabel = "DIR",
            description = "Quarantine folder (default: system property " + ReviewSettings.QUARANTINE_DIR + ").")
    Path quarantine;

    @Option(names = "--monitor", description = "Expect monitor mode: the object stored and its verdict in the "
            + "findings log, instead of refused and quarantined.")
    boolean monitor;

    @Option(names = "--findings", paramLabel = "FILE",
            description = "Findings log, read with --monitor (default: system property "
                    + ReviewSettings.FINDINGS_LOG + ").")
    Path findings;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to look for the traces of the "
            + "object after the response (default: ${DEFAULT-VALUE}).")
    int waitSeconds = 10;

    @Option(names = "--storescu", paramLabel = "PATH", description = "The storescu to run (default: on the PATH).")
    String storescu = "storescu";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StoreScu tool = new StoreScu(storescu);
        if (!tool.installed()) {
            return cannotTell("DCMTK's storescu is not installed (Debian/Ubuntu: apt-get install dcmtk; "
                    + "Amazon Linux/RHEL: build DCMTK or run the smoke test from another host), or --storescu "
                    + "names no program: nothing was sent");
        }
        int expected;
        try {
            expected = monitor ? SUCCESS : expectedStatus();
        } catch (NumberFormatException e) {
            return cannotTell("the expected status is not a number such as 0x0124 (" + e.getMessage()
                    + "): give --status");
        } catch (IllegalStateException e) {
            return cannotTell(e.getMessage());
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("yara-guard-smoke");
            SmokeSample sample = SmokeSample.write(work);
            out.printf("sending the EICAR test object (SOP Instance UID %s) to %s at %s:%d as %s%n",
                    sample.sopInstanceUid(), calledAet, host, port, callingAet);
            StoreResponse response = tool.send(host, port, callingAet, calledAet, sample.file());
            if (response.status().isEmpty()) {
                return cannotTell("no C-STORE response: " + (response.problem().isEmpty()
                        ? "storescu exited with " + response.exitCode() : response.problem()));
            }
            int got = response.status().getAsInt();
            if (got != expected) {
                return fail(got == SUCCESS
                        ? "the archive STORED the test object (status 0x0000): YARA Guard did not refuse it "
                                + "(not installed, not hooked, or monitor mode for this sender: see --monitor)"
                        : String.format("the archive answered 0x%04X, not the expected 0x%04X%s", got, expected,
                                monitor ? " (stored, as monitor mode does)" : " (YARA Guard's refusal status)"));
            }
            out.printf("archive answered 0x%04X, as expected: %s%n", got, monitor ? "stored (monitor mode)" : "refused");
            return monitor ? checkFindings(sample) : checkQuarantine(sample);
        } catch (DcmtkUnavailableException e) {
            return cannotTell(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return cannotTell("the smoke test could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cannotTell("interrupted");
        } finally {
            if (work != null) {
                TemporaryFolder.delete(work);
            }
        }
    }

    private int checkQuarantine(SmokeSample sample) throws IOException, InterruptedException {
        Path folder = quarantine != null ? quarantine : configured().map(ReviewSettings::quarantineDir).orElse(null);
        if (folder == null) {
            return cannotTell("refused as configured, but where is the quarantine? Give --quarantine DIR");
        }
        if (!Files.isDirectory(folder)) {
            return cannotTell("refused as configured, but the quarantine folder " + folder + " does not exist "
                    + "or cannot be read here (run on the archive host, as the server's user or root)");
        }
        Optional<Path> entry = Optional.empty();
        for (long deadline = deadline(); entry.isEmpty(); Thread.sleep(200)) {
            entry = SmokeTraces.inQuarantine(folder, sample.hashes());
            if (entry.isPresent() || System.nanoTime() > deadline) {
                break;
            }
        }
        if (entry.isEmpty()) {
            return fail("refused, but the test object is not in the quarantine " + folder
                    + " (another quarantine folder configured? the server's log says why)");
        }
        return pass("quarantined as " + entry.get());
    }

    private int checkFindings(SmokeSample sample) throws IOException, InterruptedException {
        Path log = findings != null ? findings : configured().map(ReviewSettings::findingsLog).orElse(null);
        if (log == null || !Files.isDirectory(log.toAbsolutePath().getParent())) {
            return cannotTell("stored as monitor mode does, but where is the findings log? Give --findings FILE");
        }
        Optional<Path> line = Optional.empty();
        for (long deadline = deadline(); line.isEmpty(); Thread.sleep(200)) {
            line = SmokeTraces.inFindings(log, sample.hashes());
            if (line.isPresent() || System.nanoTime() > deadline) {
                break;
            }
        }
        if (line.isEmpty()) {
            return fail("stored, but no verdict for it in the findings log " + log + ": YARA Guard did not see it");
        }
        return pass("its verdict is in " + line.get());
    }

    private long deadline() {
        return System.nanoTime() + waitSeconds * 1_000_000_000L;
    }

    private int expectedStatus() {
        String text = status != null ? status
                : System.getProperty(REJECT_STATUS, HostConfig.properties().getProperty(REJECT_STATUS));
        return expectedStatus(text, System.getenv());
    }

    /**
     * The status a setting names; a WildFly expression {@code ${env.NAME:default}} (as a container's configuration
     * holds) is read from this environment, else its default.
     */
    static int expectedStatus(String setting, Map<String, String> env) {
        String text = setting == null ? "" : setting.strip();
        Matcher expression = ENV_EXPRESSION.matcher(text);
        if (expression.matches()) {
            String fromEnv = env.get(expression.group(1));
            text = fromEnv != null ? fromEnv.strip() : expression.group(2) == null ? "" : expression.group(2).strip();
        }
        if (text.isEmpty()) {
            return DEFAULT_REJECT_STATUS;
        }
        try {
            return Integer.decode(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "'");
        }
    }

    private static Optional<ReviewSettings> configured() {
        try {
            Properties p = HostConfig.properties();
            p.putAll(System.getProperties());
            return Optional.of(ReviewSettings.from(p));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private int pass(String message) {
        spec.commandLine().getOut().println(message);
        spec.commandLine().getOut().println("PASS");
        return PASS;
    }

    private int fail(String message) {
        spec.commandLine().getOut().println("FAIL: " + message);
        return FAIL;
    }

    private int cannotTell(String message) {
        spec.commandLine().getErr().println("yara-guard smoke: cannot tell: " + message);
        return CANNOT_TELL;
    }
}
