package org.yaraguard.engine.status;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a monitoring check concludes from a status: OK; DEGRADED when the plugin runs but something needs a person (no
 * rule set, the last reload refused, audit delivery failing, not draining or dropping, trouble in the last hour); or
 * UNKNOWN when the status cannot be trusted (missing, unreadable, or not refreshed for {@link #STALE}: the plugin is
 * not running or hung).
 */
public record Health(State state, List<String> reasons) {

    /** The heartbeat is at most 30 s apart: a status older than this is from a plugin that no longer writes. */
    public static final Duration STALE = Duration.ofMinutes(2);
    /** Messages waiting this long with nothing delivered: the spool is not draining. */
    public static final Duration NOT_DRAINING = Duration.ofMinutes(5);

    /** The three answers, with their Nagios-style exit status. */
    public enum State {
        OK(0), DEGRADED(1), UNKNOWN(2);

        private final int exitCode;

        State(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public Health {
        reasons = List.copyOf(reasons);
    }

    /** The status could not be read. */
    public static Health unknown(String why) {
        return new Health(State.UNKNOWN, List.of(why));
    }

    /** Judges a status read at {@code now}. */
    public static Health of(GuardStatus status, Instant now) {
        Optional<Instant> written = instant(status.writtenAt());
        if (written.isEmpty() || status.last24h() == null || status.audit() == null) {
            return unknown("the status file is incomplete");
        }
        Duration age = Duration.between(written.get(), now);
        if (age.compareTo(STALE) > 0) {
            return unknown("the status was last written " + age.toSeconds() + " s ago (at " + written.get()
                    + "): the plugin is not running or hung");
        }
        List<String> reasons = new ArrayList<>();
        if (status.ruleSet() == null) {
            reasons.add("no rule set in force");
        }
        if (status.lastRefusal() != null) {
            int errors = status.lastRefusal().errors().size();
            reasons.add("the last reload was refused at " + status.lastRefusal().at() + " (" + errors
                    + (errors == 1 ? " error)" : " errors)"));
        }
        auditProblem(status, now).ifPresent(reasons::add);
        if (status.last24h().troubleLastHour() > 0) {
            reasons.add(status.last24h().troubleLastHour() + " objects not fully inspected (trouble) in the last hour");
        }
        return new Health(reasons.isEmpty() ? State.OK : State.DEGRADED, reasons);
    }

    /**
     * Why audit delivery needs attention, if it does: configured and the last attempt failed, messages dropped, or
     * messages waiting with nothing delivered for {@link #NOT_DRAINING} (counted from start when nothing was sent).
     */
    public static Optional<String> auditProblem(GuardStatus status, Instant now) {
        GuardStatus.AuditDelivery audit = status.audit();
        if (audit == null || !audit.configured()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (!audit.reachable() && audit.lastError() != null) {
            problems.add("audit repository not reachable (" + audit.lastError() + ")");
        }
        Instant lastProgress = instant(audit.lastSentAt()).or(() -> instant(status.startedAt())).orElse(Instant.EPOCH);
        if (audit.spoolDepth() > 0 && Duration.between(lastProgress, now).compareTo(NOT_DRAINING) > 0) {
            problems.add("audit spool not draining (" + audit.spoolDepth() + " waiting, nothing sent since "
                    + (audit.lastSentAt() == null ? "start" : audit.lastSentAt()) + ")");
        }
        if (audit.dropped() > 0) {
            problems.add(audit.dropped() + " audit messages dropped since start");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
