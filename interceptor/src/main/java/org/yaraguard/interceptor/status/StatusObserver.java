package org.yaraguard.interceptor.status;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.status.GuardStatus;
import org.yaraguard.engine.status.QuarantineTally;
import org.yaraguard.engine.status.RollingCounts;
import org.yaraguard.engine.status.StatusFile;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.interceptor.guard.GuardObserver;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.guard.Mode;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Keeps {@code <quarantine>/.status.json} up to date. The store's threads only count in memory; one background thread
 * writes the file when something changed (at most every {@link #TICK}), and at least every {@link #HEARTBEAT} so a
 * reader can tell a live plugin from a stopped one. The quarantine is recounted at most every {@link #RECOUNT} on a
 * thread of its own, so a large quarantine never delays the heartbeat. The 24-hour counts start again at each start:
 * the findings log keeps what came before.
 */
public final class StatusObserver implements GuardObserver {

    static final Duration TICK = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration RECOUNT = Duration.ofMinutes(1);
    private static final Logger LOG = System.getLogger("org.yaraguard");
    // Labels made once: the store's threads only index them.
    private static final String[] ACTION_LABELS = Arrays.stream(Action.values()).map(Action::label)
            .toArray(String[]::new);
    private static final String[] OUTCOME_LABELS = Arrays.stream(Ruling.Outcome.values())
            .map(StatusObserver::outcome).toArray(String[]::new);
    private static final String[] TROUBLE_LABELS = Arrays.stream(Trouble.Kind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-')).toArray(String[]::new);

    private final Path quarantineDir;
    private final Clock clock;
    private final Supplier<AuditOutboxState> audit;
    private final GuardStatus.Modes modes;
    private final Instant startedAt;
    private final String version;
    private final RollingCounts counts = new RollingCounts();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private volatile GuardStatus.RuleSetInForce ruleSet;
    private volatile GuardStatus.Refusal lastRefusal;
    private final AtomicBoolean recounting = new AtomicBoolean();
    private volatile GuardStatus.QuarantineUsage quarantine;
    private ScheduledExecutorService writer;
    /** Runs the quarantine recount: the calling thread in tests, a thread of its own once started. */
    private ExecutorService recounter;
    // Touched only by the writer's thread (or a test calling tick()).
    private String host;
    private GuardStatus.AuditDelivery lastAudit;
    private Instant lastWritten;
    private boolean failing;

    StatusObserver(GuardSettings settings, Clock clock, Supplier<AuditOutboxState> audit) {
        this.quarantineDir = settings.quarantineDir();
        this.clock = clock;
        this.audit = audit;
        this.modes = modes(settings);
        this.startedAt = clock.instant();
        String implementation = StatusObserver.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "development build" : implementation;
    }

    /** An observer whose background writer runs until {@link #close()}; {@code audit} tells how delivery stands. */
    public static StatusObserver start(GuardSettings settings, Clock clock, Supplier<AuditOutboxState> audit) {
        StatusObserver observer = new StatusObserver(settings, clock, audit);
        observer.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "yara-guard-status");
            thread.setDaemon(true);
            return thread;
        });
        observer.recounter = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "yara-guard-status-recount");
            thread.setDaemon(true);
            return thread;
        });
        observer.writer.scheduleWithFixedDelay(observer::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return observer;
    }

    @Override
    public void judged(Ruling ruling, Origin origin, long judgeNanos) {
        Verdict verdict = ruling.verdict();
        List<String> rules = verdict.findings().isEmpty() ? List.of()
                : verdict.findings().stream().map(Finding::rule).distinct().toList();
        String trouble = verdict.trouble() == null ? null : TROUBLE_LABELS[verdict.trouble().kind().ordinal()];
        counts.count(clock.instant(), ACTION_LABELS[verdict.action().ordinal()], OUTCOME_LABELS[ruling.outcome()
                .ordinal()], rules, trouble);
        if (!changed.get()) {
            changed.set(true);
        }
    }

    @Override
    public void loaded(RuleSet set) {
        ruleSet = new GuardStatus.RuleSetInForce(set.id(), set.folder().toString(), set.files().size(),
                set.rules().rules().size(), set.loadedAt().toString());
        lastRefusal = null;
        changed.set(true);
    }

    @Override
    public void refused(String folderId, List<CompileError> errors) {
        lastRefusal = new GuardStatus.Refusal(clock.instant().toString(),
                errors.stream().map(CompileError::toString).toList());
        changed.set(true);
    }

    /** One turn of the writer: recount the quarantine when due, write when something changed or a heartbeat is due. */
    void tick() {
        try {
            Instant now = clock.instant();
            if (host == null) {
                host = hostName();
            }
            GuardStatus.QuarantineUsage counted = quarantine;
            if ((counted == null || !Instant.parse(counted.countedAt()).plus(RECOUNT).isAfter(now))
                    && recounting.compareAndSet(false, true)) {
                recount(now);
            }
            GuardStatus.AuditDelivery delivery = delivery(audit.get());
            boolean due = lastWritten == null || !lastWritten.plus(HEARTBEAT).isAfter(now);
            if (changed.getAndSet(false) | !delivery.equals(lastAudit) | due) {
                StatusFile.write(quarantineDir, new GuardStatus(host, version, startedAt.toString(), now.toString(),
                        ruleSet, lastRefusal, modes, counts.snapshot(now, startedAt), delivery, quarantine));
                lastAudit = delivery;
                lastWritten = now;
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            // A scheduled task that throws is never run again: log once, keep trying.
            changed.set(true);
            if (!failing) {
                LOG.log(Level.WARNING, "YARA Guard could not write its status in {0}: {1}", quarantineDir,
                        e.toString());
                failing = true;
            }
        }
    }

    private void recount(Instant now) {
        Runnable count = () -> {
            try {
                quarantine = QuarantineTally.count(quarantineDir, now);
                changed.set(true);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "YARA Guard could not count the quarantine {0}: {1}", quarantineDir, e);
            } finally {
                recounting.set(false);
            }
        };
        if (recounter == null) {
            count.run();
        } else {
            recounter.execute(count);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            // No last write: a status that stops being refreshed is how readers learn the plugin is gone.
            writer.shutdownNow();
            recounter.shutdownNow();
        }
    }

    private static String outcome(Ruling.Outcome outcome) {
        return switch (outcome) {
            case STORE -> "stored";
            case TAG -> "tagged";
            case REFUSE -> "refused";
        };
    }

    private static GuardStatus.AuditDelivery delivery(AuditOutboxState state) {
        return new GuardStatus.AuditDelivery(state.configured(), state.reachable(), state.spoolDepth(), state.sent(),
                state.dropped(), state.lastSentAt() == null ? null : state.lastSentAt().toString(), state.lastError());
    }

    private static GuardStatus.Modes modes(GuardSettings settings) {
        return new GuardStatus.Modes(settings.modes().defaultMode().label(), labels(settings.modes().byAet()),
                labels(settings.modes().byHost()));
    }

    private static Map<String, String> labels(Map<String, Mode> modes) {
        Map<String, String> labels = new TreeMap<>();
        modes.forEach((key, mode) -> labels.put(key, mode.label()));
        return labels;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
