package org.yaraguard.hunt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.yaraguard.engine.spool.Spool;
import org.yaraguard.review.hunt.HuntSummary;

/**
 * One run of a retro-hunt: lists each source in order, judges objects on {@code threads} threads, reports hits,
 * and keeps a checkpoint so that a run stopped in any way (Ctrl-C, kill -9, a crash) can be resumed by running again
 * with the same report folder: the resumed run starts after the checkpoint's position and never reports a hit twice.
 * Memory is flat in the archive's size: the listing is streamed and only objects in flight are held.
 */
public final class Hunt {

    /** Objects per thread handed out ahead of the threads, so that none waits for the listing. */
    private static final int AHEAD_PER_THREAD = 4;
    /** Objects up to this size wait for their scan in the spool's memory blocks, larger ones in a spool file. */
    private static final long SPOOL_MEMORY_BYTES = 8L * 1024 * 1024;

    private final HuntPlan plan;

    public Hunt(HuntPlan plan) {
        this.plan = plan;
    }

    /** Hunts to the end and returns the final summary (also written to the report folder). */
    public HuntSummary run() throws HuntException, IOException, InterruptedException {
        try (ReportFolder report = ReportFolder.open(plan.report());
             Spool spool = new Spool(plan.spool(), SPOOL_MEMORY_BYTES, plan.maxObjectBytes())) {
            Checkpoint start = start(report);
            HitTally tally = new HitTally();
            report.readEarlierHits(tally::add);
            Ledger ledger = new Ledger(start.position(), start.counts(), start.failures());
            HitReporter reporter = new HitReporter(report, tally, plan.action(), plan.findings(), plan.reviewer());
            ObjectJudge judge = new ObjectJudge(plan.scanner(), spool, plan.throttle(), plan.since(), start.huntId(),
                    plan.clock(), reporter);
            State state = new State(start, report, tally, ledger);
            Thread saveOnExit = new Thread(state::saveUnlessFinished, "yara-guard-hunt-checkpoint");
            Runtime.getRuntime().addShutdownHook(saveOnExit);
            try {
                return hunt(state, judge);
            } finally {
                removeHook(saveOnExit);
            }
        }
    }

    private HuntSummary hunt(State state, ObjectJudge judge) throws HuntException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads(), daemon("yara-guard-hunt"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("yara-guard-hunt-tick"));
        Remaining remaining = new Remaining();
        Position from = state.start.position();
        Counts before = state.ledger.live();
        state.save(null);
        long checkpointMillis = plan.checkpointEvery().toMillis();
        ticker.scheduleWithFixedDelay(state::saveUnlessFinished, checkpointMillis, checkpointMillis,
                TimeUnit.MILLISECONDS);
        if (plan.listener() != null) {
            long every = plan.progressEvery().toMillis();
            ticker.scheduleWithFixedDelay(() -> plan.listener().progress(
                    minus(state.ledger.live(), before), remaining.total()), every, every, TimeUnit.MILLISECONDS);
        }
        Thread counter = remaining.countInBackground(plan.sources(), from, plan.shard());
        Semaphore ahead = new Semaphore(plan.threads() * AHEAD_PER_THREAD);
        AtomicReference<RuntimeException> stopped = new AtomicReference<>();
        try {
            for (int s = from == null ? 0 : from.source(); s < plan.sources().size() && stopped.get() == null; s++) {
                StoredObjects source = plan.sources().get(s);
                String after = from != null && from.source() == s ? from.key() : null;
                try (Stream<StoredObject> listing = source.list(after)) {
                    Iterator<StoredObject> objects = listing.iterator();
                    while (stopped.get() == null && objects.hasNext()) {
                        StoredObject object = objects.next();
                        if (!plan.shard().contains(object)) {
                            continue;
                        }
                        ahead.acquire();
                        long seq = state.ledger.register(new Position(s, object.key()));
                        pool.execute(() -> {
                            try {
                                Ledger.Outcome outcome = judge.judge(source, object);
                                // An object cut short by an interrupt was not judged: left uncommitted, it is
                                // judged again when the hunt resumes, never counted as unreadable.
                                if (!Thread.currentThread().isInterrupted()) {
                                    state.ledger.finish(seq, outcome);
                                }
                            } catch (RuntimeException e) {
                                stopped.compareAndSet(null, e);
                            } finally {
                                ahead.release();
                            }
                        });
                    }
                } catch (IOException | UncheckedIOException e) {
                    throw new HuntException("cannot list " + source.description() + ": " + ObjectJudge.reason(e), e);
                }
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            if (stopped.get() != null) {
                throw new HuntException("hunt stopped: " + ObjectJudge.reason(stopped.get()), stopped.get());
            }
            ticker.shutdownNow();
            ticker.awaitTermination(1, TimeUnit.MINUTES);
            return state.save(plan.clock().instant());
        } finally {
            // Objects in flight when the listing broke are finished, so the checkpoint gets as far as it can.
            pool.shutdown();
            ticker.shutdownNow();
            counter.interrupt();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
            state.saveUnlessFinished();
        }
    }

    /** The checkpoint this run starts from: the folder's own (resume), or a fresh one. */
    private Checkpoint start(ReportFolder report) throws IOException, HuntException {
        List<String> sources = plan.sources().stream().map(StoredObjects::description).toList();
        String rulesetId = plan.rulesetId();
        var found = report.checkpoint();
        if (found.isEmpty()) {
            if (!report.isEmpty()) {
                throw new HuntException("the report folder " + report.folder() + " is not empty and holds no hunt: "
                        + "give a new folder (or that of a hunt to resume)");
            }
            return new Checkpoint(plan.huntId(), plan.clock().instant().toString(), sources,
                    plan.shard().toString(), plan.since(), plan.rulesDir(), rulesetId, null, Counts.NONE, List.of(),
                    null);
        }
        Checkpoint earlier = found.get();
        if (earlier.finishedAt() != null) {
            throw new HuntException("the hunt in " + report.folder() + " finished at " + earlier.finishedAt()
                    + ": give another --report folder for a new hunt");
        }
        List<String> differences = new ArrayList<>();
        if (!earlier.sources().equals(sources)) {
            differences.add("sources " + earlier.sources() + " → " + sources);
        }
        if (!earlier.shard().equals(plan.shard().toString())) {
            differences.add("shard " + earlier.shard() + " → " + plan.shard());
        }
        if (!Objects.equals(earlier.since(), plan.since())) {
            differences.add("since " + earlier.since() + " → " + plan.since());
        }
        if (!Objects.equals(earlier.rulesetId(), rulesetId)) {
            differences.add("rule set " + earlier.rulesetId() + " → " + rulesetId);
        }
        if (!differences.isEmpty()) {
            throw new HuntException("the report folder " + report.folder() + " holds another hunt ("
                    + String.join(", ", differences) + "): resume it with the same options, or give another --report");
        }
        return earlier;
    }

    /** What the checkpoint and summary are written from, by the ticker, at the end, and on the way out. */
    private final class State {
        final Checkpoint start;
        final ReportFolder report;
        final HitTally tally;
        final Ledger ledger;

        State(Checkpoint start, ReportFolder report, HitTally tally, Ledger ledger) {
            this.start = start;
            this.report = report;
            this.tally = tally;
            this.ledger = ledger;
        }

        private boolean finished;

        /** On the way out of a run that stopped early (an error, Ctrl-C): what was done stays resumable. */
        synchronized void saveUnlessFinished() {
            if (!finished) {
                save(null);
            }
        }

        /** Writes checkpoint then summary; {@code finishedAt} null while the hunt is not done. */
        synchronized HuntSummary save(Instant finishedAt) {
            if (finished) {
                return null;
            }
            finished = finishedAt != null;
            Ledger.Committed committed = ledger.committed();
            Checkpoint checkpoint = new Checkpoint(start.huntId(), start.startedAt(), start.sources(), start.shard(),
                    start.since(), start.rulesDir(), start.rulesetId(), committed.position(), committed.counts(),
                    committed.failures(), finishedAt == null ? null : finishedAt.toString());
            HuntSummary summary = HuntSummaries.of(checkpoint, finishedAt == null ? ledger.live() : committed.counts(),
                    tally, committed.failuresLeftOut(), finishedAt);
            try {
                report.write(checkpoint);
                report.write(summary);
            } catch (IOException e) {
                System.getLogger(Hunt.class.getName()).log(System.Logger.Level.ERROR,
                        "YARA Guard hunt cannot write its checkpoint: {0}", e.toString());
            }
            return summary;
        }
    }

    private static Counts minus(Counts a, Counts b) {
        return new Counts(a.objects() - b.objects(), a.bytes() - b.bytes(), a.clean() - b.clean(),
                a.hits() - b.hits(), a.trouble() - b.trouble(), a.unreadable() - b.unreadable(),
                a.notDicom() - b.notDicom(), a.older() - b.older());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting (Ctrl-C): the hook is running or has run, which is what it is for.
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
