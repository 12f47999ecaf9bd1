package org.yaraguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.Policy;
import org.yaraguard.engine.scan.ResolvedAction;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.engine.yara.YaraRuleInfo;
import org.yaraguard.engine.yara.YaraUnavailableException;
import org.yaraguard.settings.Expressions;
import org.yaraguard.settings.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yara-guard rules}: checks a rules folder and shows what each rule would do. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Rule folder tools.",
        subcommands = RulesCommand.Check.class)
final class RulesCommand {

    /** {@code rules check [DIR]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compiles a rules folder; prints file:line: message for each error (exit 2), "
                    + "or every rule with its resolved action (exit 0) and libyara's warnings on standard error.")
    static final class Check implements Callable<Integer> {

        @Mixin
        EngineOptions engine;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Rules folder (default: the host configuration's "
                + "yara-guard.rules.dir, else the bundled rules).")
        Path folder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (folder != null) {
                engine.rules = folder;
            }
            try {
                if (engine.rules == null) {
                    engine.rules = hostRulesFolder();
                }
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return YaraGuard.FAILED;
            }
            try (RulesFolder rules = engine.openRules()) {
                if (rules.current().isEmpty()) {
                    printErrors(rules, err);
                    return YaraGuard.FAILED;
                }
                printRules(rules.current().get(), engine.policy(), out);
                printWarnings(rules.current().get(), err);
                return YaraGuard.OK;
            } catch (YaraUnavailableException | IOException | IllegalArgumentException e) {
                err.println(e.getMessage());
                return YaraGuard.FAILED;
            }
        }

        /** The server's rules folder from the host configuration, if it names one. */
        private static Path hostRulesFolder() {
            String configured = HostConfig.properties().getProperty(Schema.RULES_DIR, "").strip();
            return configured.isEmpty() || Expressions.hasExpression(configured) ? null : Path.of(configured);
        }

        private static void printRules(RuleSet ruleSet, Policy policy, PrintWriter out) {
            List<YaraRuleInfo> rules = ruleSet.rules().rules().stream()
                    .sorted(Comparator.comparing(YaraRuleInfo::namespace).thenComparing(YaraRuleInfo::identifier))
                    .toList();
            String format = "%-7s %-50s %-9s %s%n";
            out.printf(format, "ACTION", "RULE", "SEVERITY", "WHY");
            for (YaraRuleInfo rule : rules) {
                ResolvedAction resolved = policy.resolve(rule);
                Object severity = rule.meta().getOrDefault("severity", "-");
                out.printf(format, resolved.action().label(), rule.namespace() + ":" + rule.identifier(), severity,
                        resolved.reason());
            }
            out.printf("%d rules in %d files; rule set %s%n", rules.size(), ruleSet.files().size(), ruleSet.id());
            out.flush();
        }
    }

    /** Prints libyara's warnings (they do not refuse the folder) as {@code file:line: warning: message}. */
    static void printWarnings(RuleSet ruleSet, PrintWriter err) {
        for (CompileError warning : ruleSet.warnings()) {
            err.println(warning.file() + ":" + warning.line() + ": warning: " + warning.message());
        }
        err.flush();
    }

    /** Prints the errors of a refused folder as {@code file:line: message}. */
    static void printErrors(RulesFolder rules, PrintWriter err) {
        for (CompileError error : rules.lastErrors()) {
            err.println(error.file() + ":" + error.line() + ": " + error.message());
        }
        err.flush();
    }
}
