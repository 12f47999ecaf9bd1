package org.yaraguard.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one check of a YARA Guard configuration, shared by the hook (at server start), {@code yara-guard config check}
 * and install.sh (through that command): unknown {@code yara-guard.*} names with a did-you-mean, values that do not
 * parse, and folders the server's user cannot use. WildFly expressions are checked after substitution where the
 * lookup can resolve them; otherwise a note says the server resolves them at start.
 */
public final class SettingsCheck {

    /**
     * Where a check runs.
     *
     * @param lookup              resolves expression names ({@code jboss.server.data.dir}, {@code env.X}) besides
     *                            the configured names; null when unknown
     * @param serverUser          the server's user, judged by owner and mode; empty: ask the system for this process
     * @param foldersMayBeMissing folders that do not exist yet are notes (install.sh creates them)
     */
    public record Context(Function<String, String> lookup, Optional<String> serverUser, boolean foldersMayBeMissing) {

        /** Inside the server: system properties and the environment, this process being the server's user. */
        public static Context server() {
            return new Context(SettingsCheck::systemLookup, Optional.empty(), false);
        }
    }

    private final Context context;
    private final UnixAccounts accounts;

    public SettingsCheck(Context context) {
        this(context, UnixAccounts.local());
    }

    SettingsCheck(Context context, UnixAccounts accounts) {
        this.context = context;
        this.accounts = accounts;
    }

    /** Every problem of {@code configured} (name → value as written; names outside yara-guard.* are ignored). */
    public List<Problem> check(Map<String, String> configured) {
        List<Problem> problems = new ArrayList<>();
        Function<String, String> lookup = lookup(configured);
        Map<String, String> effective = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(configured).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(Schema.PREFIX)) {
                continue;
            }
            Optional<Setting> setting = Schema.find(name);
            if (setting.isEmpty()) {
                problems.add(Problem.error(name, "unknown setting" + Schema.nearest(name)
                        .map(n -> "; did you mean " + n + "?").orElse(" (see the configuration table in the README)")));
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (Expressions.hasExpression(value)) {
                Expressions.Resolved resolved = Expressions.resolve(value, lookup);
                if (!resolved.complete()) {
                    problems.add(Problem.note(name, shown(setting.get(), value) + ": " + String.join(", ",
                            resolved.unresolved()) + " cannot be resolved here; the server checks it at start"));
                    continue;
                }
                value = resolved.value();
            }
            try {
                setting.get().check(value);
                effective.put(name, value);
            } catch (IllegalArgumentException ex) {
                problems.add(Problem.error(name, setting.get().secret() ? "invalid value" : ex.getMessage()));
            }
        }
        problems.addAll(folders(configured, effective, lookup));
        return problems;
    }

    /**
     * Each setting's value in effect: the configured one, else its default, expressions resolved where possible
     * (an unresolvable one is returned as written). Secrets are included: callers that show values mask them.
     */
    public static Map<String, String> effective(Function<String, String> configured, Function<String, String> lookup) {
        Map<String, String> values = new LinkedHashMap<>();
        Function<String, String> both = name -> {
            String v = configured.apply(name);
            return v != null ? v : lookup.apply(name);
        };
        for (Setting s : Schema.settings()) {
            String value = configured.apply(s.name());
            String text = value == null || value.isBlank() ? s.defaultValue() : value;
            Expressions.Resolved resolved = Expressions.resolve(text, both);
            values.put(s.name(), resolved.complete() ? resolved.value() : text);
        }
        return values;
    }

    private List<Problem> folders(Map<String, String> configured, Map<String, String> checked,
            Function<String, String> lookup) {
        List<Problem> problems = new ArrayList<>();
        Access access = new Access(context.serverUser(), accounts);
        if (!access.judgeable()) {
            problems.add(Problem.note("server user", context.serverUser().orElseThrow()
                    + " is not in /etc/passwd: owners and modes are not checked"));
            return problems;
        }
        for (Setting s : Schema.settings()) {
            if (!s.kind().isPath() || configured.containsKey(s.name()) && !checked.containsKey(s.name())) {
                continue; // wrong or unresolvable: already reported
            }
            String text = checked.getOrDefault(s.name(), "");
            text = text.isBlank() ? s.defaultValue() : text;
            Expressions.Resolved resolved = Expressions.resolve(text, lookup);
            if (!resolved.complete()) {
                continue; // a default under a server folder this check does not know: the server checks it
            }
            try {
                folder(s, Path.of(resolved.value()).toAbsolutePath().normalize(), access).ifPresent(problems::add);
            } catch (IOException | RuntimeException e) {
                problems.add(Problem.error(s.name(), resolved.value() + ": cannot be examined (" + e.getMessage() + ")"));
            }
        }
        return problems;
    }

    private Optional<Problem> folder(Setting s, Path path, Access access) throws IOException {
        String name = s.name();
        if (!Files.exists(path)) {
            if (context.foldersMayBeMissing()) {
                return Optional.of(Problem.note(name, path + " does not exist yet"));
            }
            if (s.kind() == Kind.FOLDER) {
                return Optional.of(Problem.error(name, path + " does not exist"));
            }
            Path parent = existingAncestor(s.kind() == Kind.WRITABLE_FILE ? path.getParent() : path);
            if (parent == null) {
                return Optional.of(Problem.error(name, path + ": no existing folder above it"));
            }
            return access.denied(parent, Access.Need.WRITE_FOLDER)
                    .map(why -> Problem.error(name, path + " does not exist and cannot be created: " + why));
        }
        switch (s.kind()) {
            case FOLDER, WRITABLE_FOLDER -> {
                if (!Files.isDirectory(path)) {
                    return Optional.of(Problem.error(name, path + " is not a folder"));
                }
                Access.Need need = s.kind() == Kind.FOLDER ? Access.Need.READ_FOLDER : Access.Need.WRITE_FOLDER;
                return access.denied(path, need).map(why -> Problem.error(name, why));
            }
            default -> {
                if (!Files.isRegularFile(path)) {
                    return Optional.of(Problem.error(name, path + " is not a file"));
                }
                return access.denied(path, Access.Need.WRITE_FILE).map(why -> Problem.error(name, why));
            }
        }
    }

    private static Path existingAncestor(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private Function<String, String> lookup(Map<String, String> configured) {
        return name -> {
            String value = configured.get(name);
            if (value != null) {
                return value;
            }
            return context.lookup() == null ? null : context.lookup().apply(name);
        };
    }

    private static String shown(Setting setting, String value) {
        return setting.secret() ? "(secret)" : "\"" + value + "\"";
    }

    /** System properties, and {@code env.X} from the environment, as WildFly resolves them. */
    public static String systemLookup(String name) {
        return name.startsWith("env.") ? System.getenv(name.substring(4)) : System.getProperty(name);
    }
}
