package org.yaraguard.cli;

import org.yaraguard.cli.quarantine.QuarantineCommand;
import org.yaraguard.cli.smoke.SmokeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code yara-guard} command: a thin shell over the engine. */
@Command(name = "yara-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Scans DICOM objects with YARA rules; hunts through what the archive stored; checks rule folders"
                + " and the configuration; reviews the quarantine.",
        subcommands = {ScanCommand.class, HuntCommand.class, RulesCommand.class, SamplesCommand.class,
                QuarantineCommand.class, SmokeCommand.class, ConfigCommand.class, StatusCommand.class})
public final class YaraGuard {

    /** Exit status: nothing reached reject. */
    public static final int OK = 0;
    /** Exit status: at least one object reached reject. */
    public static final int REJECTED = 1;
    /** Exit status: the command could not do its job (rules, libyara, usage). */
    public static final int FAILED = 2;

    /**
     * Held strongly: java.util.logging keeps loggers weakly, so a level set on a logger nobody references is lost at the
     * next collection (a long hunt then printed the engine's INFO lines).
     */
    private static final java.util.logging.Logger ENGINE_LOG = java.util.logging.Logger.getLogger("org.yaraguard");

    public static void main(String[] args) {
        // The commands report rule errors and verdicts themselves; the engine's server-style log lines would repeat them.
        ENGINE_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new YaraGuard());
        commandLine.setExitCodeExceptionMapper(e -> FAILED);
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("yara-guard " + command.getCommandName() + ": " + FailureMessage.of(e));
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return FAILED;
        });
        return commandLine;
    }
}
