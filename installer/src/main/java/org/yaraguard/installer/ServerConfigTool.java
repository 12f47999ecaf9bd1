package org.yaraguard.installer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command install.sh and uninstall.sh run to edit a server configuration offline:
 * <pre>
 *   install   FILE MODULE [name=value]...   register MODULE as a global module, set the system properties
 *   uninstall FILE MODULE PREFIX            unregister MODULE, remove the system properties starting with PREFIX
 *   host-config FILE WILDFLY_HOME [name=value]...
 *                                           print the command line's host configuration (see {@link HostConfig})
 *                                           that FILE gives once the system properties are set; FILE is not changed
 * </pre>
 * Prints one line per change; exit status 0 on success, 2 on bad usage or a file it cannot edit.
 */
public final class ServerConfigTool {

    /** The settings a host configuration carries over from the server's system properties. */
    private static final String HOST_PREFIX = "yara-guard.";

    private ServerConfigTool() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 3 || !List.of("install", "uninstall", "host-config").contains(args.get(0))) {
            err.println("usage: install FILE MODULE [name=value]... | uninstall FILE MODULE PREFIX"
                    + " | host-config FILE WILDFLY_HOME [name=value]...");
            return 2;
        }
        Path file = Path.of(args.get(1));
        String module = args.get(2);
        try {
            ServerConfig config = ServerConfig.read(file);
            if (args.get(0).equals("host-config")) {
                setProperties(config, args.subList(3, args.size()), new PrintStream(OutputStream.nullOutputStream()));
                out.print(HostConfig.of(config.systemProperties(HOST_PREFIX), Path.of(args.get(2)), file).text());
                return 0;
            }
            boolean changed = args.get(0).equals("install")
                    ? install(config, module, args.subList(3, args.size()), out)
                    : uninstall(config, module, args.size() > 3 ? args.get(3) : null, out);
            if (changed) {
                config.write(file);
                out.println("changed server configuration " + file.toAbsolutePath());
            } else {
                out.println("server configuration " + file.toAbsolutePath() + " already up to date");
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot edit " + file + ": " + e.getMessage());
            return 2;
        }
    }

    private static boolean install(ServerConfig config, String module, List<String> properties, PrintStream out) {
        boolean changed = false;
        if (config.addGlobalModule(module)) {
            out.println("  added global module " + module);
            changed = true;
        }
        return setProperties(config, properties, out) || changed;
    }

    private static boolean setProperties(ServerConfig config, List<String> properties, PrintStream out) {
        boolean changed = false;
        for (String property : properties) {
            int eq = property.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("property must be name=value: " + property);
            }
            String name = property.substring(0, eq);
            String value = property.substring(eq + 1);
            if (config.setSystemProperty(name, value)) {
                out.println("  set system property " + name + "=" + value);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean uninstall(ServerConfig config, String module, String prefix, PrintStream out) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("uninstall needs the system property prefix to remove");
        }
        boolean changed = false;
        if (config.removeGlobalModule(module)) {
            out.println("  removed global module " + module);
            changed = true;
        }
        int removed = config.removeSystemProperties(prefix);
        if (removed > 0) {
            out.println("  removed " + removed + " system properties " + prefix + "*");
            changed = true;
        }
        return changed;
    }
}
