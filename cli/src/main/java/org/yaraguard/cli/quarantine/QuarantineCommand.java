package org.yaraguard.cli.quarantine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.yaraguard.cli.FailureMessage;
import org.yaraguard.cli.HostConfig;
import org.yaraguard.cli.TerminalText;
import org.yaraguard.review.QuarantineReview;
import org.yaraguard.review.ReviewSettings;
import org.yaraguard.review.StowClient;
import org.yaraguard.review.UnreadableQuarantineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code yara-guard quarantine}: review what YARA Guard refused or tagged. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "Review what YARA Guard refused (quarantined) or tagged (stored with a finding).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:an action was refused (the reason is printed)",
                "2:the quarantine folder or an entry cannot be read (the file is named), or bad usage"},
        subcommands = {ListCommand.class, ShowCommand.class, ReleaseCommand.class, PurgeCommand.class,
                ExportCommand.class})
public final class QuarantineCommand implements Callable<Integer> {

    /** Exit status when a review action could not be carried out. */
    static final int REFUSED = 1;
    /** Exit status when the quarantine folder or an entry in it cannot be read. */
    static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--quarantine", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Quarantine folder (default: system property " + ReviewSettings.QUARANTINE_DIR
                    + ", else the host configuration).")
    Path quarantine;

    @Option(names = "--findings", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Findings log (default: system property " + ReviewSettings.FINDINGS_LOG
                    + ", else the host configuration).")
    Path findings;

    @Option(names = "--approvals", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Approvals folder the hook reads (default: system property "
                    + ReviewSettings.APPROVAL_DIR + ", else the host configuration's, else 'approvals' beside"
                    + " --quarantine).")
    Path approvals;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

    /** The review over the folders given on the command line, else the system properties, else the host configuration. */
    QuarantineReview review(String stowUrl) {
        Properties p = new Properties();
        try {
            p.putAll(HostConfig.properties());
        } catch (IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        p.putAll(System.getProperties());
        put(p, ReviewSettings.QUARANTINE_DIR, quarantine);
        put(p, ReviewSettings.FINDINGS_LOG, findings);
        put(p, ReviewSettings.APPROVAL_DIR, approvals != null ? approvals
                : quarantine != null && !p.containsKey(ReviewSettings.APPROVAL_DIR)
                        ? quarantine.toAbsolutePath().resolveSibling("approvals") : null);
        if (stowUrl != null) {
            p.setProperty(ReviewSettings.STOW_URL, stowUrl);
        }
        try {
            return new QuarantineReview(ReviewSettings.from(p), StowClient.configured(p), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                    + (quarantine == null ? " (give --quarantine DIR)" : ""));
        }
    }

    /** The review for an action on content that destroys nothing (view, export): says so when nothing records it. */
    QuarantineReview readingReview() {
        QuarantineReview review = review(null);
        if (review.settings().findingsLog() == null) {
            spec.commandLine().getErr().println("yara-guard quarantine: no findings log is configured ("
                    + ReviewSettings.FINDINGS_LOG + " or --findings): this action is recorded nowhere");
        }
        return review;
    }

    private static void put(Properties p, String name, Path value) {
        if (value != null) {
            p.setProperty(name, value.toString());
        }
    }

    /** Text from an object or a user made safe for a terminal (see {@link TerminalText}). */
    static String safe(Object text) {
        return TerminalText.safe(text);
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    static int refuse(CommandSpec spec, Exception e) {
        spec.commandLine().getErr().println("yara-guard quarantine: " + safe(FailureMessage.of(e)));
        return e instanceof UnreadableQuarantineException ? UNREADABLE : REFUSED;
    }
}
