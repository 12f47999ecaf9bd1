package org.yaraguard.installer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's host configuration ({@code PREFIX/etc/yara-guard.properties}): the server's {@code yara-guard.*}
 * system properties with every folder resolved as the server resolves it, plus {@code wildfly.home} and
 * {@code server.config}, so that {@code yara-guard} on the host finds the server's folders with no flags.
 */
public record HostConfig(Map<String, String> settings) {

    /** Where the server looks when a folder setting is not set: the defaults of the README's configuration table. */
    static final Map<String, String> FOLDER_DEFAULTS = Map.of(
            "yara-guard.rules.dir", "${jboss.server.config.dir}/yara-guard/rules",
            "yara-guard.quarantine.dir", "${jboss.server.data.dir}/yara-guard/quarantine",
            "yara-guard.spool.dir", "${jboss.server.temp.dir}/yara-guard/spool",
            "yara-guard.findings.log", "${jboss.server.log.dir}/yara-guard-findings.log",
            "yara-guard.approval.dir", "${jboss.server.data.dir}/yara-guard/approvals",
            "yara-guard.hunt.reports.dir", "${jboss.server.data.dir}/yara-guard/hunts",
            "yara-guard.audit.spool.dir", "${jboss.server.data.dir}/yara-guard/audit-spool");

    private static final Pattern SERVER_FOLDER = Pattern.compile("\\$\\{(jboss\\.[a-z.]+)(?::[^}]*)?}");

    /** The host configuration of a server whose settings are {@code server}; secrets stay in the server's file. */
    public static HostConfig of(Map<String, String> server, Path wildflyHome, Path serverConfig) {
        Map<String, String> folders = serverFolders(wildflyHome.toAbsolutePath().normalize());
        Map<String, String> settings = new TreeMap<>();
        FOLDER_DEFAULTS.forEach((name, value) -> settings.put(name, expand(value, folders)));
        server.forEach((name, value) -> {
            // The file is world-readable (0644): a secret there would be readable by every user of the host. The
            // same test as the settings' Setting.secretName (the installer runs on the JDK alone).
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.contains("secret") && !lower.contains("password")) {
                settings.put(name, expand(value, folders));
            }
        });
        settings.put("wildfly.home", wildflyHome.toAbsolutePath().normalize().toString());
        settings.put("server.config", serverConfig.toAbsolutePath().normalize().toString());
        return new HostConfig(settings);
    }

    /** The file's text: one {@code name=value} line per setting, escaped so any properties reader gets the value. */
    public String text() {
        StringBuilder text = new StringBuilder("# Written by install.sh: the server's YARA Guard settings as the"
                + " yara-guard command line on this host reads them.\n");
        settings.forEach((name, value) -> text.append(escape(name, true)).append('=').append(escape(value, false))
                .append('\n'));
        return text.toString();
    }

    private static Map<String, String> serverFolders(Path home) {
        Path base = home.resolve("standalone");
        return Map.of(
                "jboss.home.dir", home.toString(),
                "jboss.server.base.dir", base.toString(),
                "jboss.server.config.dir", base.resolve("configuration").toString(),
                "jboss.server.data.dir", base.resolve("data").toString(),
                "jboss.server.log.dir", base.resolve("log").toString(),
                "jboss.server.temp.dir", base.resolve("tmp").toString(),
                "jboss.server.deploy.dir", base.resolve("data/content").toString());
    }

    /** Replaces the server's own folder expressions; any other expression is left for the reader to judge. */
    private static String expand(String value, Map<String, String> folders) {
        Matcher m = SERVER_FOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String folder = folders.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(folder != null ? folder : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
