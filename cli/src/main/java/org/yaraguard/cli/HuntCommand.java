package org.yaraguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.yara.YaraUnavailableException;
import org.yaraguard.hunt.HitAction;
import org.yaraguard.hunt.Hunt;
import org.yaraguard.hunt.HuntException;
import org.yaraguard.hunt.HuntPlan;
import org.yaraguard.hunt.Shard;
import org.yaraguard.hunt.StorageFolders;
import org.yaraguard.hunt.StoredObjects;
import org.yaraguard.hunt.Throttle;
import org.yaraguard.hunt.web.DicomWebArchive;
import org.yaraguard.hunt.web.DicomWebSource;
import org.yaraguard.hunt.web.IocmRejecter;
import org.yaraguard.hunt.web.MultipartLimits;
import org.yaraguard.hunt.web.QidoQuery;
import org.yaraguard.hunt.web.RejectionCode;
import org.yaraguard.review.hunt.HuntSummary;
import org.yaraguard.settings.Expressions;
import org.yaraguard.settings.Schema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yara-guard hunt}: judges what the archive already stored with the live (or a candidate) rule set. */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Retro-hunt: scans the objects the archive already stored (its storage folders and/or over "
                + "DICOMweb) with the live rule set (or --rules), "
                + "resumable (run again with the same --report), parallel, throttled and sharded; writes hits.jsonl, "
                + "summary.json and summary.csv. Without --rules, the rules folder (and policy) of the host configuration "
                + "(" + Schema.RULES_DIR + "). Exit 0: no hits; 1: hits; 2: could not hunt.")
final class HuntCommand implements Callable<Integer> {

    static final String DEFAULT_REJECTION = "113037^DCM";
    private static final int QIDO_PAGE = 1000;
    /** A study's instance list is sorted in memory: a study listing more is a listed failure. */
    private static final int MAX_INSTANCES_PER_STUDY = 200_000;
    private static final int REJECT_ATTEMPTS = 3;
    private static final Duration REJECT_BACKOFF = Duration.ofSeconds(1);
    private static final DateTimeFormatter REPORT_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Mixin
    EngineOptions engine;

    @Option(names = "--storage", paramLabel = "DIR",
            description = "A storage folder of the archive (a file-system storage descriptor's root); repeatable. "
                    + "Read only; symbolic links are never followed.")
    List<Path> storage = new ArrayList<>();

    @Option(names = "--dicomweb", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = "Hunt through the archive over DICOMweb (QIDO-RS lists, WADO-RS fetches): its REST base of "
                    + "one AE, e.g. http://localhost:8080/dcm4chee-arc/aets/DCM4CHEE/rs (without URL: "
                    + DicomWebArchive.URL + ", else the release URL).")
    String dicomweb;

    @Option(names = "--qido", paramLabel = "KEY=VALUE",
            description = "A study-level QIDO-RS matching key for --dicomweb, e.g. ModalitiesInStudy=CT; repeatable.")
    List<String> qido = new ArrayList<>();

    @Option(names = "--report", paramLabel = "DIR",
            description = "Report folder (default: hunt-<UTC yyyyMMdd-HHmmss> in the host configuration's "
                    + Schema.HUNT_REPORTS_DIR + ", where the console shows it, else in the current folder). A folder "
                    + "holding an unfinished hunt resumes it.")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Scanning threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-rate", paramLabel = "MIB_PER_S",
            description = "Read at most this many MiB/s in all, so the archive keeps its own pace (default: no limit).")
    double maxRate;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only objects whose StudyDate is on or after DATE (yyyy-MM-dd or yyyyMMdd). A stored file "
                    + "must be read to know its date.")
    String since;

    @Option(names = "--shard", paramLabel = "I/N", description = "Hunt part I of N (several hosts split one hunt).")
    String shard = "1/1";

    @Option(names = "--reject", paramLabel = "CODE", arity = "0..1", fallbackValue = DEFAULT_REJECTION,
            description = "Reject each hit through the archive's IOCM service with this rejection note (default "
                    + DEFAULT_REJECTION + ", Rejected for Patient Safety Reasons); the archive is --dicomweb's or the "
                    + "configured one. Without --reject the hunt only reports.")
    String reject;

    @Option(names = "--dry-run", description = "With --reject: send nothing, record what would be rejected.")
    boolean dryRun;

    @Option(names = "--reviewer", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who acts, recorded in the findings log with each rejection (default: the OS user).")
    String reviewer;

    @Option(names = "--findings", paramLabel = "FILE",
            description = "Findings log where rejections are recorded (default: the host configuration's "
                    + Schema.FINDINGS_LOG + ").")
    Path findings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Properties host = HostConfig.properties();
        try {
            String sinceDate = sinceDate();
            Shard part = Shard.parse(shard);
            HitAction action = action(host);
            if (engine.rules == null) {
                engine.rules = hostPath(host, Schema.RULES_DIR);
                if (engine.rules == null) {
                    err.println("no rules folder: give --rules DIR (the host configuration names no "
                            + Schema.RULES_DIR + ")");
                    return YaraGuard.FAILED;
                }
            }
            usePolicyOf(host);
            List<StoredObjects> sources = sources(host, sinceDate);
            Path folder = report != null ? report : defaultReport(host);
            try (RulesFolder rules = engine.openRules()) {
                if (rules.current().isEmpty()) {
                    RulesCommand.printErrors(rules, err);
                    return YaraGuard.FAILED;
                }
                Path spool = Files.createTempDirectory("yara-guard-hunt-");
                try {
                    ProgressBar bar = ProgressBar.forTerminal(err);
                    HuntPlan plan = new HuntPlan(sources, engine.scanner(rules, ScanLimits.MAX_SCANNABLE_BYTES),
                            engine.rules.toString(), rules.current().get().id(), folder, UUID.randomUUID().toString(),
                            threads, maxRate > 0 ? Throttle.mibPerSecond(maxRate) : Throttle.unlimited(), part,
                            sinceDate, action, findingsLog(host), reviewer, ScanLimits.MAX_SCANNABLE_BYTES, spool,
                            Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofMillis(250),
                            (done, total) -> bar.draw(done.seen(), total, done.bytes()));
                    HuntSummary summary = new Hunt(plan).run();
                    bar.finish();
                    print(summary, folder, out);
                    return summary.hits() > 0 ? YaraGuard.REJECTED : YaraGuard.OK;
                } finally {
                    TemporaryFolder.delete(spool);
                }
            }
        } catch (HuntException | IOException | YaraUnavailableException | IllegalArgumentException e) {
            err.println("yara-guard hunt: " + FailureMessage.of(e));
            return YaraGuard.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("yara-guard hunt: interrupted; run again with the same --report to resume");
            return YaraGuard.FAILED;
        }
    }

    /** --since as yyyyMMdd, the form of a DICOM DA value. */
    private String sinceDate() {
        if (since == null) {
            return null;
        }
        try {
            DateTimeFormatter form = since.length() == 8 ? DateTimeFormatter.BASIC_ISO_DATE
                    : DateTimeFormatter.ISO_LOCAL_DATE;
            return LocalDate.parse(since, form).format(DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since must be a date, yyyy-MM-dd or yyyyMMdd: " + since);
        }
    }

    /** Storage folders first (the fastest), then the archive over DICOMweb. */
    private List<StoredObjects> sources(Properties host, String sinceDate) throws IOException {
        if (storage.isEmpty() && dicomweb == null) {
            throw new IllegalArgumentException("nothing to hunt: give --storage DIR and/or --dicomweb [URL]");
        }
        if (dicomweb == null && !qido.isEmpty()) {
            throw new IllegalArgumentException("--qido needs --dicomweb");
        }
        List<StoredObjects> sources = new ArrayList<>();
        if (!storage.isEmpty()) {
            sources.add(StorageFolders.of(storage));
        }
        if (dicomweb != null) {
            sources.add(new DicomWebSource(archive(host), QidoQuery.parse(qido).since(sinceDate), QIDO_PAGE,
                    MAX_INSTANCES_PER_STUDY, MultipartLimits.DEFAULT));
        }
        return sources;
    }

    /** Null without --reject (the report's rejection is then null); a dry run with --dry-run. */
    private HitAction action(Properties host) {
        if (reject == null) {
            if (dryRun) {
                throw new IllegalArgumentException("--dry-run goes with --reject");
            }
            return null;
        }
        RejectionCode code = RejectionCode.parse(reject);
        if (dryRun) {
            return HitAction.dryRun("would reject " + code);
        }
        return new IocmRejecter(archive(host), code, REJECT_ATTEMPTS, REJECT_BACKOFF);
    }

    private DicomWebArchive archive(Properties host) {
        Properties p = new Properties();
        p.putAll(host);
        p.putAll(System.getProperties());
        return DicomWebArchive.configured(p, dicomweb);
    }

    /** The server's policy when the command line gives none: the hunt judges as ingest does. */
    private void usePolicyOf(Properties host) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!parsed.hasMatchedOption("--policy")) {
            engine.policy = host.getProperty(Schema.POLICY, engine.policy).strip();
        }
        if (!parsed.hasMatchedOption("--default-action")) {
            engine.defaultAction = host.getProperty(Schema.DEFAULT_ACTION, engine.defaultAction).strip();
        }
        if (!parsed.hasMatchedOption("--on-incomplete")) {
            engine.onIncomplete = host.getProperty(Schema.ON_INCOMPLETE, engine.onIncomplete).strip();
        }
    }

    private FindingsLog findingsLog(Properties host) {
        Path file = findings != null ? findings : hostPath(host, Schema.FINDINGS_LOG);
        return file == null ? null : new FindingsLog(file);
    }

    /** A new folder in the server's hunts folder when there is one to write to, so that the console lists it. */
    private static Path defaultReport(Properties host) {
        String name = "hunt-" + REPORT_STAMP.format(Clock.systemUTC().instant());
        Path hunts = hostPath(host, Schema.HUNT_REPORTS_DIR);
        return hunts != null && Files.isDirectory(hunts) && Files.isWritable(hunts) ? hunts.resolve(name)
                : Path.of(name);
    }

    private static Path hostPath(Properties host, String name) {
        String configured = host.getProperty(name, "").strip();
        return configured.isEmpty() || Expressions.hasExpression(configured) ? null : Path.of(configured);
    }

    private static void print(HuntSummary s, Path folder, PrintWriter out) {
        out.printf("%d objects (%.1f MiB): %d clean, %d hits in %d studies of %d patients; %d unreadable, "
                        + "%d not DICOM%n", s.objects(), s.bytes() / 1048576.0, s.clean(), s.hits(), s.studiesAffected(),
                s.patientsAffected(), s.unreadable(), s.notDicom());
        s.byRule().forEach((rule, n) -> out.printf("  %-50s %d%n", TerminalText.safe(rule), n));
        out.println("report: " + folder.toAbsolutePath());
        out.flush();
    }
}
