package org.yaraguard.interceptor.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.yaraguard.settings.Problem;
import org.yaraguard.settings.SettingsCheck;

/**
 * The one ERROR line of the server log that names every problem of the configuration at start, and what the hook then
 * does: a value that does not parse stops the guard and every store is refused (fail-closed) until it is fixed; an
 * unknown name is ignored (its setting keeps its default, and no default lets an object pass unscanned); a folder
 * problem fails the stores that need the folder.
 */
public final class ConfigurationReport {

    private ConfigurationReport() {
    }

    /** The {@code yara-guard.*} entries of {@code properties}. */
    public static Map<String, String> configured(Properties properties) {
        Map<String, String> configured = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (name instanceof String n && n.startsWith(GuardSettings.PREFIX)) {
                configured.put(n, String.valueOf(value));
            }
        });
        return configured;
    }

    /**
     * The ERROR line for {@code configured}, or empty when there is no problem.
     *
     * @param refusal why the settings could not be read (every store is then refused), or null
     */
    public static Optional<String> errorLine(Map<String, String> configured, String refusal, SettingsCheck check) {
        List<String> problems = new ArrayList<>(check.check(configured).stream().filter(Problem::isError)
                .map(Problem::toString).toList());
        if (refusal != null && problems.isEmpty()) {
            problems.add(refusal);
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("YARA Guard configuration is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ") + String.join("; ", problems) + "; "
                + (refusal != null ? "EVERY STORE IS REFUSED until the configuration is fixed"
                        : "the hook runs with the rest (unknown names are ignored, their settings keep their defaults;"
                                + " a folder problem fails the stores that need the folder)"));
    }
}
