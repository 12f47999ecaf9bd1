package org.yaraguard.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.Health;
import org.yaraguard.engine.status.StatusFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yara-guard status}: the running plugin at a glance, from the status file it keeps; a monitoring check. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the plugin's status from <quarantine>/" + StatusFile.NAME + " (rewritten by the running"
                + " plugin at least every 20 s): rule set in force, last refused reload, modes, the last 24 h's counts,"
                + " audit delivery, quarantine. The first line is a monitoring check's: YARA-GUARD OK, DEGRADED or"
                + " UNKNOWN, and why."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:healthy", "1:degraded: no rule set, the last reload refused, audit delivery failing "
                + "(last attempt failed, messages dropped, or messages waiting with nothing sent for 5 min), or "
                + "trouble (objects not fully inspected) in the last hour",
                "2:cannot tell: no status file, unreadable, or older than 2 min (plugin not running or hung)"})
public final class StatusCommand implements Callable<Integer> {

    static final String QUARANTINE_DIR = "yara-guard.quarantine.dir";
    // Every non-ASCII character escaped: the JSON, too, may reach a terminal.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final int RULES_SHOWN = 10;

    @Option(names = "--quarantine", paramLabel = "DIR", description = "Quarantine folder (default: system property "
            + QUARANTINE_DIR + ", else the host configuration).")
    Path quarantine;

    @Option(names = "--json", description = "Print the health and the whole status as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public StatusCommand() {
        this(Clock.systemUTC());
    }

    StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = clock.instant();
        GuardStatus status = null;
        Health health;
        try {
            status = StatusFile.read(folder());
            health = Health.of(status, now);
        } catch (NoSuchFileException e) {
            health = Health.unknown("no status file " + e.getFile() + " (the plugin has not run with this quarantine"
                    + " folder)");
        } catch (IOException | IllegalStateException e) {
            health = Health.unknown("cannot read the status: " + FailureMessage.of(e));
        }
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("state", health.state().name());
            node.putPOJO("reasons", health.reasons());
            node.putPOJO("status", status);
            out.println(JSON.writeValueAsString(node));
        } else {
            out.println(safe(headline(health, status, now)));
            if (health.state() != Health.State.UNKNOWN) {
                details(out, status, now);
            }
        }
        return health.state().exitCode();
    }

    private Path folder() {
        if (quarantine != null) {
            return quarantine;
        }
        String configured = System.getProperty(QUARANTINE_DIR);
        if (configured == null || configured.isBlank()) {
            Properties host = HostConfig.properties();
            configured = host.getProperty(QUARANTINE_DIR);
        }
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("no quarantine folder is configured (" + QUARANTINE_DIR
                    + " in the host configuration, or --quarantine DIR)");
        }
        return Path.of(configured.trim());
    }

    private static String headline(Health health, GuardStatus status, Instant now) {
        String prefix = "YARA-GUARD " + health.state().name() + " - ";
        if (health.state() != Health.State.OK) {
            return prefix + String.join("; ", health.reasons());
        }
        return prefix + "rule set " + status.ruleSet().id() + " (" + status.ruleSet().rules() + " rules), "
                + status.last24h().objects() + " objects in 24 h, status written " + age(status.writtenAt(), now);
    }

    private static void details(PrintWriter out, GuardStatus s, Instant now) {
        line(out, "Host", s.host() + " (plugin " + s.version() + ", started " + s.startedAt() + ")");
        line(out, "Status written", s.writtenAt() + " (" + age(s.writtenAt(), now) + ")");
        GuardStatus.RuleSetInForce set = s.ruleSet();
        line(out, "Rule set", set == null ? "none in force" : set.id() + " (" + set.files() + " files, "
                + set.rules() + " rules, loaded " + set.loadedAt() + ", folder " + set.folder() + ")");
        if (s.lastRefusal() != null) {
            line(out, "Last reload", "REFUSED at " + s.lastRefusal().at() + ":");
            s.lastRefusal().errors().forEach(error -> out.println("    " + safe(error)));
        }
        if (s.modes() != null) {
            line(out, "Modes", "default " + s.modes().defaultMode() + entries("; by AE title ", s.modes().byAet())
                    + entries("; by host ", s.modes().byHost()));
        }
        GuardStatus.Counts c = s.last24h();
        line(out, "Last 24 h", c.objects() + " objects since " + c.since());
        line(out, "  by action", counts(c.byAction()));
        line(out, "  by outcome", counts(c.byOutcome()));
        line(out, "  trouble", counts(c.troubleByKind()) + " (last hour: " + c.troubleLastHour() + ")");
        if (c.byRule().isEmpty()) {
            line(out, "  by rule", "-");
        }
        for (int i = 0; i < Math.min(RULES_SHOWN, c.byRule().size()); i++) {
            line(out, i == 0 ? "  by rule" : "", c.byRule().get(i).rule() + " " + c.byRule().get(i).objects());
        }
        int more = c.byRule().size() - RULES_SHOWN + c.rulesOmitted();
        if (more > 0) {
            line(out, "", "and " + more + " more rules (--json shows " + c.byRule().size() + ")");
        }
        GuardStatus.AuditDelivery a = s.audit();
        line(out, "Audit", !a.configured() ? "no Audit Record Repository configured"
                : (a.reachable() ? "reachable" : "NOT reachable") + ", " + a.spoolDepth() + " waiting, " + a.sent()
                        + " sent (last " + (a.lastSentAt() == null ? "never" : a.lastSentAt()) + "), " + a.dropped()
                        + " dropped" + (a.lastError() == null ? "" : ", last error: " + a.lastError()));
        GuardStatus.QuarantineUsage q = s.quarantine();
        line(out, "Quarantine", q == null ? "not counted yet"
                : q.entries() + " entries, " + q.bytes() + " bytes (counted " + q.countedAt() + ")");
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-16s %s", label.isEmpty() ? "" : label + ":", safe(value)));
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : new TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String entries(String heading, Map<String, String> modes) {
        return modes.isEmpty() ? "" : heading + modes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String age(String at, Instant now) {
        try {
            return Duration.between(Instant.parse(at), now).toSeconds() + " s ago";
        } catch (DateTimeParseException | NullPointerException e) {
            return "at an unknown time";
        }
    }

    /**
     * Text from the status file (rule names, AE titles, errors) made safe for a terminal: control characters (C0 and
     * C1, so no escape sequence), format characters (bidirectional overrides) and line separators become '?'.
     */
    static String safe(String text) {
        return TerminalText.safe(text);
    }
}
