package org.yaraguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.yaraguard.settings.Problem;
import org.yaraguard.settings.Schema;
import org.yaraguard.settings.SettingsCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yara-guard config}: checks a configuration with the same check the hook runs at server start. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand {

    /** Exit status: the configuration has problems. */
    static final int INVALID = 1;
    /** Exit status: the configuration could not be read. */
    static final int UNREADABLE = 2;

    /** {@code config check [--config FILE]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks the yara-guard.* settings of a WildFly server configuration (standalone xml, read "
                    + "only) or a .properties file (default: the host configuration, $" + HostConfig.ENV
                    + " or <install prefix>/etc/yara-guard.properties): unknown names, bad values, folders the "
                    + "server's user cannot use. WildFly expressions are checked after substitution where possible.",
                    "Exit status: 0 valid, 1 problems, 2 the file cannot be read."})
    static final class Check implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE", description = "standalone xml or .properties file to check.")
        Path config;

        @Option(names = "--server-user", paramLabel = "USER", description = "The server's user, whose access to the "
                + "folders is judged by owner and mode (default: " + HostConfig.SERVER_USER
                + " of the file, else the user running this command).")
        String serverUser;

        @Option(names = "--allow-missing", description = "Folders that do not exist yet are notes, not errors "
                + "(install.sh checks before it creates them).")
        boolean allowMissing;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file = config != null ? config : HostConfig.location().orElse(null);
            if (file == null || !Files.isRegularFile(file)) {
                err.println("yara-guard config check: no configuration at " + (file == null ? "-" : file)
                        + " (give --config FILE, or set " + HostConfig.ENV + ")");
                return UNREADABLE;
            }
            Map<String, String> configured;
            Map<String, String> serverFolders;
            try {
                if (file.getFileName().toString().endsWith(".xml")) {
                    configured = ServerXml.systemProperties(file);
                    serverFolders = ServerXml.serverFolders(file);
                } else {
                    configured = asMap(HostConfig.read(file));
                    String serverConfig = configured.get(HostConfig.SERVER_CONFIG);
                    serverFolders = serverConfig == null || serverConfig.isBlank() ? Map.of()
                            : ServerXml.serverFolders(Path.of(serverConfig));
                }
            } catch (IOException | IllegalArgumentException e) {
                err.println("yara-guard config check: cannot read " + file + ": " + e.getMessage());
                return UNREADABLE;
            }
            Optional<String> user = Optional.ofNullable(serverUser != null ? serverUser
                    : configured.get(HostConfig.SERVER_USER)).filter(u -> !u.isBlank());
            Function<String, String> lookup = name -> name.startsWith("env.") ? System.getenv(name.substring(4))
                    : serverFolders.get(name);
            List<Problem> problems = new SettingsCheck(new SettingsCheck.Context(lookup, user, allowMissing))
                    .check(configured);
            problems.forEach(p -> out.println((p.isError() ? "ERROR " : "NOTE  ") + safe(p.toString())));
            if (user.isEmpty() && "root".equals(System.getProperty("user.name"))) {
                out.println("NOTE  folders were checked for root: give --server-user USER to check them for the server");
            }
            long errors = problems.stream().filter(Problem::isError).count();
            long names = configured.keySet().stream().filter(n -> n.startsWith(Schema.PREFIX)).count();
            out.println(errors == 0 ? file + ": valid (" + names + " yara-guard settings)"
                    : file + ": " + errors + (errors == 1 ? " problem" : " problems"));
            out.flush();
            return errors == 0 ? YaraGuard.OK : INVALID;
        }

        private static Map<String, String> asMap(Properties p) {
            Map<String, String> map = new TreeMap<>();
            p.stringPropertyNames().forEach(n -> map.put(n, p.getProperty(n)));
            return map;
        }

        private static String safe(String text) {
            return TerminalText.safe(text);
        }
    }
}
