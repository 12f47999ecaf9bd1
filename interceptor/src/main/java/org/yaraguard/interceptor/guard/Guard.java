package org.yaraguard.interceptor.guard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.Sidecar;
import org.yaraguard.engine.quarantine.Approvals;
import org.yaraguard.engine.quarantine.RulesStatusFile;
import org.yaraguard.engine.rules.CompiledRulesCache;
import org.yaraguard.engine.rules.RuleSet;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.spool.ObjectTooLargeException;
import org.yaraguard.engine.spool.Spool;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.tagging.BlockPlacement;
import org.yaraguard.engine.tagging.PrivateBlock;
import org.yaraguard.engine.yara.YaraUnavailableException;

/**
 * The hook's decisions, free of archive types: spool an object, scan it, and carry out the verdict in the sender's
 * mode — quarantine and refuse, tag, or store — recording every non-clean verdict in the findings log and the
 * server log. One per deployment that has a StoreService; closed when that deployment goes.
 */
public final class Guard implements AutoCloseable {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    /** DICOM "Refused: Out of Resources": the sender may retry later. */
    static final int OUT_OF_RESOURCES = 0xA700;
    /** Sidecar and findings status of an object a reviewer released. */
    static final String RELEASED = "released";

    private final GuardSettings settings;
    private final Spool spool;
    private final RulesFolder rules;
    private final DicomInspector inspector = new DicomInspector(InspectionLimits.defaults());
    private final ObjectScanner scanner;
    private final String unavailable;
    private final Quarantine quarantine;
    private final FindingsLog findings;
    private final Approvals approvals;
    private final Clock clock;
    private final List<GuardObserver> observers;

    private Guard(GuardSettings settings, RulesFolder rules, String unavailable, Clock clock,
            List<GuardObserver> observers) {
        this.settings = settings;
        this.spool = new Spool(settings.spoolDir(), settings.spoolMemoryBytes(), settings.maxObjectBytes());
        this.rules = rules;
        this.scanner = rules == null ? null : new ObjectScanner(rules, inspector,
                settings.policy(), settings.troubleActions(), settings.limits());
        this.unavailable = unavailable;
        this.quarantine = new Quarantine(settings.quarantineDir());
        this.findings = new FindingsLog(settings.findingsLog(), clock);
        this.approvals = new Approvals(settings.approvalDir(), clock);
        this.clock = clock;
        this.observers = observers;
    }

    /**
     * Compiles the rules folder and starts watching it. Rules that do not compile or a missing libyara are logged
     * once as an error; stores then follow the start-up policy until a good rule set loads.
     */
    public static Guard start(GuardSettings settings, Clock clock) {
        return start(settings, clock, List.of());
    }

    /** As {@link #start(GuardSettings, Clock)}, telling {@code observers} of every rule set and judged object. */
    public static Guard start(GuardSettings settings, Clock clock, List<GuardObserver> observers) {
        return start(settings, clock, RulesFolder::open, observers);
    }

    /** Opens the rules folder; a seam so that tests can stand in for a machine without libyara. */
    @FunctionalInterface
    interface RulesOpener {
        RulesFolder open(Path folder, RulesFolder.Options options) throws YaraUnavailableException;
    }

    static Guard start(GuardSettings settings, Clock clock, RulesOpener opener) {
        return start(settings, clock, opener, List.of());
    }

    static Guard start(GuardSettings settings, Clock clock, RulesOpener opener, List<GuardObserver> observers) {
        List<GuardObserver> told = List.copyOf(observers);
        RulesFolder rules = null;
        String unavailable = null;
        try {
            rules = opener.open(settings.rulesDir(),
                    RulesFolder.Options.watching(settings.rulesPollInterval(), new RuleSetFanOut(
                            new RulesStatusFile(settings.quarantineDir(), settings.rulesDir(), clock), told))
                            .withCache(rulesCache(settings)));
            if (rules.current().isEmpty()) {
                LOG.log(Level.ERROR, "YARA Guard has no rule set: the rules folder {0} did not compile; {1} until it"
                        + " does", settings.rulesDir(), consequence(settings));
            }
        } catch (YaraUnavailableException e) {
            unavailable = "libyara unavailable: " + e.getMessage();
            LOG.log(Level.ERROR, "YARA Guard cannot scan: {0}; {1}", e.getMessage(), consequence(settings));
        } catch (LinkageError e) {
            // JNA or libyara could not be linked (e.g. a module dependency missing): the archive must still deploy.
            unavailable = "native binding unavailable: " + e;
            LOG.log(Level.ERROR, "YARA Guard cannot load its native binding; " + consequence(settings), e);
        }
        return new Guard(settings, rules, unavailable, clock, told);
    }

    /** The compiled-rules cache, or null (rules compile on every start) without a private folder for it. */
    private static CompiledRulesCache rulesCache(GuardSettings settings) {
        return settings.rulesCacheDir() == null ? null
                : CompiledRulesCache.open(settings.rulesCacheDir()).orElse(null);
    }

    private static String consequence(GuardSettings settings) {
        return settings.startupPolicy() == StartupPolicy.FAIL_CLOSED
                ? "every store is refused (yara-guard.startup.policy=fail-closed)"
                : "stores pass unscanned and are logged (yara-guard.startup.policy=fail-open)";
    }

    public GuardSettings settings() {
        return settings;
    }

    /** The rule set in force, if any. */
    public Optional<RuleSet> ruleSet() {
        return rules == null ? Optional.empty() : rules.current();
    }

    /**
     * Takes an object off its stream into the spool; past the size limit reading stops and the object is not
     * {@link SpooledObject#complete() complete} (its verdict is then too-large trouble).
     */
    public SpooledObject spool(InputStream in) throws IOException {
        return spool.spool(in);
    }

    /**
     * Scans a spooled object and carries out its verdict (quarantine, findings, server log). An object whose verdict
     * could not be recorded is not stored: it would pass with no trace.
     */
    public Ruling judge(SpooledObject object, Origin origin) {
        return judge(object, origin, List.of());
    }

    /**
     * As {@link #judge(SpooledObject, Origin)}, for a dataset the hook encoded from an attribute-based store some of
     * whose bulk values could not be read ({@code unreadable}, described by tag): that is incomplete-inspection
     * trouble, with its configured action.
     */
    public Ruling judge(SpooledObject object, Origin origin, List<String> unreadable) {
        long start = System.nanoTime();
        Ruling ruling = decide(object, origin, unreadable);
        tell(ruling, origin, System.nanoTime() - start);
        return ruling;
    }

    private Ruling decide(SpooledObject object, Origin origin, List<String> unreadable) {
        Verdict verdict = scan(object, origin);
        if (!unreadable.isEmpty()) {
            verdict = verdict.withTrouble(new Trouble(Trouble.Kind.INCOMPLETE, "bulk value " + unreadable.get(0)
                    + (unreadable.size() > 1 ? " and " + (unreadable.size() - 1) + " more" : "")),
                    settings.troubleActions().onIncomplete());
        }
        Mode mode = settings.modes().modeFor(origin.callingAet(), origin.remoteHost());
        if (verdict.action() == Action.CLEAN) {
            return Ruling.store(verdict, mode);
        }
        if (mode == Mode.MONITOR || verdict.action() == Action.LOG) {
            return recorded(verdict, origin, mode, Sidecar.STORED, null, Ruling.store(verdict, mode));
        }
        if (verdict.action() == Action.TAG) {
            return recorded(verdict, origin, mode, Sidecar.STORED, null, Ruling.tag(verdict, mode));
        }
        if (approvals.consume(verdict.sha256())) {
            return admitReleased(verdict, origin, mode);
        }
        String quarantineId = keep(object, verdict, origin, mode);
        record(verdict, origin, mode, Sidecar.QUARANTINED, quarantineId);
        return Ruling.refuse(verdict, mode, settings.rejectStatus(), Comments.forVerdict(verdict), quarantineId);
    }

    /**
     * The stream the archive stores for an object that is not refused: the spooled bytes as received, or for a tag
     * with our private block inserted into the top-level dataset (re-read with the guard's one inspector; tagged
     * objects are few). Where the object leaves no safe place for the block (logged), it is stored as received and
     * tagged only through the coercion consumer.
     */
    public InputStream streamToStore(SpooledObject object, Ruling ruling, Origin origin) throws IOException {
        if (ruling.outcome() != Ruling.Outcome.TAG) {
            return object.openStream();
        }
        Verdict verdict = ruling.verdict();
        PrivateBlock block = new PrivateBlock(verdict.action().name(), verdict.decisiveRules(), verdict.ruleSetId(),
                verdict.sha256());
        Optional<BlockPlacement> placement;
        try (Inspection inspection = inspector.inspect(object.bytes(), origin.framing(), origin.transferSyntax())) {
            placement = BlockPlacement.of(inspection.privateGroup(), block);
        } catch (ObjectTooLargeException | RuntimeException e) {
            // The object was judged and is to be stored: an object too large to map (or read only in part, when
            // on.too.large lets it pass) or a fault of ours in placing the block must not turn that into a refusal.
            LOG.log(Level.WARNING, "YARA Guard could not place its private block in tagged object {0}: {1}",
                    verdict.sha256(), e.toString());
            placement = Optional.empty();
        }
        if (placement.isEmpty()) {
            LOG.log(Level.WARNING, "YARA Guard found no place for its private block in tagged object {0}: the"
                    + " archive stores it as received, tagged only for the rules of this store", verdict.sha256());
            return object.openStream();
        }
        return placement.get().apply(object.openStream());
    }

    /**
     * A reviewer released exactly these bytes from the quarantine: they pass once, and the findings log and the
     * server log say so.
     */
    private Ruling admitReleased(Verdict verdict, Origin origin, Mode mode) {
        findings.appendReview("approval-used", verdict.sha256(), null,
                "one-time release approval admitted the object despite verdict " + verdict.action().label());
        LOG.log(Level.WARNING, "YARA Guard admitted object {0} once on a reviewer''s release approval",
                verdict.sha256());
        return recorded(verdict, origin, mode, RELEASED, null, Ruling.store(verdict, mode));
    }

    /** {@code ruling} once the verdict is in the findings log; else a refusal the sender may retry. */
    private Ruling recorded(Verdict verdict, Origin origin, Mode mode, String status, String quarantineId,
            Ruling ruling) {
        if (record(verdict, origin, mode, status, quarantineId)) {
            return ruling;
        }
        return Ruling.refuse(verdict, mode, OUT_OF_RESOURCES, "YARA Guard: cannot record the verdict");
    }

    /**
     * An object that could not be spooled (e.g. the spool's disk is full) is refused whatever the configuration:
     * the bytes read so far cannot be handed back to the archive. Recorded like any other verdict.
     */
    public Ruling spoolFailed(IOException failure, Origin origin) {
        Verdict verdict = new Verdict(Action.REJECT, List.of(), List.of(),
                new Trouble(Trouble.Kind.ENGINE_ERROR, "spool failed: " + failure.getMessage()), currentRuleSetId(),
                null, 0, 0, false, null, 0);
        Mode mode = settings.modes().modeFor(origin.callingAet(), origin.remoteHost());
        record(verdict, origin, mode, "not-stored", null);
        Ruling ruling = Ruling.refuse(verdict, mode, OUT_OF_RESOURCES, "YARA Guard: cannot spool object");
        tell(ruling, origin, 0);
        return ruling;
    }

    private Verdict scan(SpooledObject object, Origin origin) {
        ScanContext context = new ScanContext(origin.source(), origin.callingAet(), origin.remoteHost(),
                origin.transferSyntax(), origin.framing());
        if (scanner != null) {
            return scanner.scan(object, context);
        }
        // Without libyara the object still gets its reviewer attributes from our own inspection.
        try (var inspection = inspector.inspect(bytesOrEmpty(object), origin.framing(), origin.transferSyntax())) {
            return new Verdict(settings.troubleActions().onNoRules(), List.of(), inspection.anomalies(),
                    new Trouble(Trouble.Kind.NO_RULES, unavailable), null, object.sha256(), object.size(), 0,
                    inspection.part10(), inspection.attributes(), 0);
        }
    }

    private static java.nio.ByteBuffer bytesOrEmpty(SpooledObject object) {
        try {
            return object.bytes();
        } catch (IOException e) {
            return java.nio.ByteBuffer.allocate(0);
        }
    }

    private String currentRuleSetId() {
        return ruleSet().map(RuleSet::id).orElse(null);
    }

    /**
     * Quarantines the object (copied, never mapped, so objects too large to scan are kept too); a failure is logged
     * and the refusal stands (the sender can send it again). An object the spool did not read to its end cannot be
     * kept.
     */
    private String keep(SpooledObject object, Verdict verdict, Origin origin, Mode mode) {
        if (!object.complete()) {
            LOG.log(Level.WARNING, "YARA Guard refused an object of more than {0} bytes without reading it to its"
                    + " end: it is not quarantined", settings.maxObjectBytes());
            return null;
        }
        try {
            QuarantineEntry entry = quarantine.put(object,
                    Sidecars.of(verdict, origin, mode, Sidecar.QUARANTINED, clock.instant()));
            return entry.id();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "YARA Guard could not quarantine object {0}; it is refused all the same: {1}",
                    verdict.sha256(), e.toString());
            return null;
        }
    }

    /** Writes the findings line and the server-log line; false when the findings line could not be written. */
    private boolean record(Verdict verdict, Origin origin, Mode mode, String status, String quarantineId) {
        boolean written = findings.appendVerdict(Sidecars.of(verdict, origin, mode, status, clock.instant()),
                quarantineId);
        Level level = verdict.action() == Action.REJECT || verdict.trouble() != null || !written ? Level.WARNING
                : Level.INFO;
        LOG.log(level, "{0}", ServerLogLine.of(verdict, origin, mode, quarantineId));
        return written;
    }

    /** Tells every observer; an observer's fault is logged and never changes the ruling. */
    private void tell(Ruling ruling, Origin origin, long judgeNanos) {
        for (GuardObserver observer : observers) {
            try {
                observer.judged(ruling, origin, judgeNanos);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "YARA Guard observer {0} failed: {1}", observer.getClass().getName(),
                        e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (rules != null) {
            rules.close();
        }
        spool.close();
        for (GuardObserver observer : observers) {
            try {
                observer.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "YARA Guard observer {0} did not close: {1}", observer.getClass().getName(),
                        e.toString());
            }
        }
    }
}
