package org.yaraguard.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaraguard.cli.quarantine.QuarantineCommand;
import org.yaraguard.cli.smoke.SmokeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code yara-guard} command: a thin shell over the engine. */
@Command(name = "yara-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Scans DICOM objects with YARA rules; hunts through what the archive stored; checks rule folders"
                + " and the configuration; reviews the quarantine.")
public final class YaraGuard {

    /** Exit status: nothing reached reject. */
    public static final int OK = 0;
    /** Exit status: at least one object reached reject. */
    public static final int REJECTED = 1;
    /** Exit status: the command could not do its job (rules, libyara, usage). */
    public static final int FAILED = 2;

    /**
     * The subcommands by the name each one's {@code @Command} gives (YaraGuardTest holds them equal), in the order the
     * usage lists them. Named here so that main can build one without reading them all.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /**
     * Held strongly: java.util.logging keeps loggers weakly, so a level set on a logger nobody references is lost at the
     * next collection (a long hunt then printed the engine's INFO lines).
     */
    private static final java.util.logging.Logger ENGINE_LOG = java.util.logging.Logger.getLogger("org.yaraguard");

    public static void main(String[] args) {
        // The commands report rule errors and verdicts themselves; the engine's server-style log lines would repeat them.
        ENGINE_LOG.setLevel(java.util.logging.Level.OFF);
        LibyaraWarmUp.startFor(args);
        System.exit(commandLine(reachedBy(args)).execute(args));
    }

    /** The configured command line with every subcommand, also used by tests. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The subcommands {@code args} can reach: picocli builds the model of each subcommand it is given (and runs its
     * static initialisers), about 0.4 s for all eight without class-data sharing, so a run names the one it needs;
     * the usage, and anything picocli reports as an error, needs them all.
     */
    static Set<String> reachedBy(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            return Set.of(args[0]);
        }
        if (versionOnly(args)) {
            return Set.of();
        }
        return SUBCOMMANDS.keySet();
    }

    /** True for a bare {@code --version} (or {@code -V}): it needs no subcommand, only libyara's name. */
    static boolean versionOnly(String[] args) {
        return args.length == 1 && List.of("-V", "--version").contains(args[0]);
    }

    /** The configured command line with the {@code subcommands} named. */
    static CommandLine commandLine(Set<String> subcommands) {
        CommandLine commandLine = new CommandLine(new YaraGuard());
        SUBCOMMANDS.forEach((name, command) -> {
            if (subcommands.contains(name)) {
                commandLine.addSubcommand(name, command);
            }
        });
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

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("scan", ScanCommand.class);
        subcommands.put("hunt", HuntCommand.class);
        subcommands.put("rules", RulesCommand.class);
        subcommands.put("samples", SamplesCommand.class);
        subcommands.put("quarantine", QuarantineCommand.class);
        subcommands.put("smoke", SmokeCommand.class);
        subcommands.put("config", ConfigCommand.class);
        subcommands.put("status", StatusCommand.class);
        return subcommands;
    }
}
