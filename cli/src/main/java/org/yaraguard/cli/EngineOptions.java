package org.yaraguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.rules.CompiledRulesCache;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.Policy;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.scan.TroubleActions;
import org.yaraguard.engine.yara.YaraUnavailableException;
import org.yaraguard.rules.DefaultRules;
import picocli.CommandLine.Option;

/** The options that shape the engine, shared by the commands that scan or list rules. */
final class EngineOptions {

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: the bundled default rules).")
    Path rules;

    @Option(names = "--policy", paramLabel = "SPEC",
            description = "Action mappings for rules without action meta, e.g. rule:*_clean=clean,tag:pua=log.")
    String policy = "";

    @Option(names = "--default-action", paramLabel = "ACTION",
            description = "Action of a match that neither meta nor policy decides (default: ${DEFAULT-VALUE}).")
    String defaultAction = "reject";

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Scan time per object (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 10;

    @Option(names = "--on-incomplete", paramLabel = "ACTION",
            description = "Action for an object not inspected whole: the DICOM reader stopped early or the file is "
                    + "not DICOM at all, or a rule's string reached libyara's match limit (default: ${DEFAULT-VALUE}).")
    String onIncomplete = "reject";

    @Option(names = "--no-rules-cache",
            description = "Compile the rules even if this folder state was compiled before (the compiled rules are kept "
                    + "in $XDG_CACHE_HOME/yara-guard, else ~/.cache/yara-guard).")
    boolean noRulesCache;

    Policy policy() {
        return Policy.parse(policy, Action.parse(defaultAction));
    }

    /** The rules folder to use: the given one, or the bundled rules unpacked into a temporary folder. */
    Path rulesFolder() throws IOException {
        if (rules != null) {
            if (!Files.isDirectory(rules)) {
                throw new IOException("rules folder not found: " + rules);
            }
            return rules;
        }
        Path folder = Files.createTempDirectory("yara-guard-rules-");
        DefaultRules.copyTo(folder);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TemporaryFolder.delete(folder)));
        return folder;
    }

    RulesFolder openRules() throws IOException, YaraUnavailableException {
        RulesFolder.Options options = RulesFolder.Options.once();
        if (!noRulesCache) {
            options = options.withCache(CompiledRulesCache.open(rulesCacheFolder()).orElse(null));
        }
        return RulesFolder.open(rulesFolder(), options);
    }

    /** The XDG base directory specification's user cache: $XDG_CACHE_HOME if absolute, else ~/.cache. */
    private static Path rulesCacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("yara-guard");
    }

    /** The defaults, but for the trouble kinds given on the command line. */
    TroubleActions troubleActions() {
        TroubleActions defaults = TroubleActions.defaults();
        return new TroubleActions(defaults.onTimeout(), defaults.onTooLarge(), defaults.onEngineError(),
                defaults.onNoRules(), Action.parse(onIncomplete), defaults.onAnomaly());
    }

    /** A scanner that refuses objects larger than {@code maxObjectBytes} as too-large trouble. */
    ObjectScanner scanner(RulesFolder folder, long maxObjectBytes) {
        return new ObjectScanner(folder, new DicomInspector(InspectionLimits.defaults()), policy(), troubleActions(),
                new ScanLimits(Duration.ofSeconds(timeoutSeconds), maxObjectBytes));
    }
}
