package org.yaraguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.yaraguard.engine.rules.RulesFolder;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.ObjectScanner;
import org.yaraguard.engine.scan.ScanContext;
import org.yaraguard.engine.scan.ScanLimits;
import org.yaraguard.engine.scan.Verdict;
import org.yaraguard.engine.spool.ReadBudget;
import org.yaraguard.engine.spool.ReadBuffer;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.yara.YaraUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yara-guard scan}: scans files and folders, prints a verdict table or JSON lines. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans files and folders (recursively). Exit 0: nothing reached reject; 1: something did; "
                + "2: could not do the job.")
final class ScanCommand implements Callable<Integer> {

    private static final long MIB = 1024 * 1024;
    /** Files up to this size are read into each thread's own, reused buffer (see {@link ReadBuffer}). */
    private static final int READ_BUFFER_BYTES = (int) (8 * MIB);
    /** The default --memory, lowered on a small machine (the default maximum heap is a quarter of its memory). */
    private static final long DEFAULT_MEMORY_BYTES = Math.min(1024 * MIB, Runtime.getRuntime().maxMemory() / 2);

    @Mixin
    EngineOptions engine;

    @Option(names = "--threads", paramLabel = "N", description = "Scanning threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--memory", paramLabel = "MIB",
            description = "Memory the threads share for files larger than 8 MiB, each read whole (never mapped: a file "
                    + "truncated during its scan cannot crash the scan); a file waits until its size is free, and a file "
                    + "larger than this is too-large trouble (default: 1024, or half the maximum heap if less).")
    Long memoryMib;

    @Option(names = "--json", description = "One JSON object per file per line instead of a table.")
    boolean json;

    @Option(names = "--no-follow", description = "Do not follow symbolic links inside folders (followed by default, "
            + "like yara -r; a link back up the tree is walked once).")
    boolean noFollow;

    @Option(names = "--stats", description = "Print throughput, p50/p99 latency and peak heap to standard error.")
    boolean stats;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("--threads must be at least 1");
            return YaraGuard.FAILED;
        }
        if (memoryMib != null && memoryMib < 0) {
            err.println("--memory must not be negative");
            return YaraGuard.FAILED;
        }
        ReadBudget budget = new ReadBudget(memoryMib == null ? DEFAULT_MEMORY_BYTES
                : Math.min(memoryMib, ScanLimits.MAX_SCANNABLE_BYTES / MIB) * MIB);
        // Smaller files always fit a thread's own buffer; larger ones must fit the budget.
        long maxObjectBytes = Math.min(ScanLimits.MAX_SCANNABLE_BYTES, Math.max(READ_BUFFER_BYTES, budget.total()));
        // Walked while the rules open (I/O and libyara, one core): a 2,000-file folder takes ~25 ms of the start-up.
        FutureTask<List<Path>> walk = new FutureTask<>(() -> ObjectFiles.collect(paths, !noFollow));
        Thread walker = new Thread(walk, "yara-guard-walk");
        walker.setDaemon(true);
        walker.start();
        try (RulesFolder rules = engine.openRules()) {
            List<Path> files;
            try {
                files = walk.get();
            } catch (ExecutionException e) {
                err.println(e.getCause().getMessage());
                return YaraGuard.FAILED;
            }
            if (files.isEmpty()) {
                // An empty mount must not look like a clean scan to a gate that tests for 0.
                err.println("no files found in "
                        + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
                return YaraGuard.FAILED;
            }
            if (rules.current().isEmpty()) {
                RulesCommand.printErrors(rules, err);
                return YaraGuard.FAILED;
            }
            long start = System.nanoTime();
            ObjectScanner scanner = engine.scanner(rules, maxObjectBytes);
            // The table shows no hashes; --json hashes every file itself.
            List<ScanResult> results = scanAll(scanner.withoutHashes(), budget, files, out, err);
            if (stats) {
                ScanStats.print(results, System.nanoTime() - start, err);
            }
            if (!json) {
                new VerdictTable(results).print(out);
            }
            return exitStatus(results);
        } catch (YaraUnavailableException | IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return YaraGuard.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private List<ScanResult> scanAll(ObjectScanner scanner, ReadBudget budget, List<Path> files, PrintWriter out,
                                     PrintWriter err) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "yara-guard-scan");
            thread.setDaemon(true);
            return thread;
        });
        // One buffer per thread: a task takes one, and gives it back when its object is closed.
        BlockingQueue<ReadBuffer> buffers = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            buffers.add(new ReadBuffer(READ_BUFFER_BYTES, budget));
        }
        boolean allDone = false;
        try {
            CompletionService<ScanResult> completion = new ExecutorCompletionService<>(pool);
            for (Path file : files) {
                completion.submit(() -> scanOne(scanner, file, buffers));
            }
            ProgressBar progress = ProgressBar.forTerminal(err, files.size());
            List<ScanResult> results = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                ScanResult result = completion.take().get();
                results.add(result);
                progress.advance(result.bytes());
                if (json) {
                    out.println(ScanJson.line(result));
                }
            }
            progress.finish();
            results.sort(Comparator.comparing(ScanResult::path));
            allDone = true;
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            // A task still running may be scanning a buffer: then the collector frees them once it is done.
            if (allDone) {
                buffers.forEach(ReadBuffer::close);
                budget.close();
            }
        }
    }

    private ScanResult scanOne(ObjectScanner scanner, Path file, BlockingQueue<ReadBuffer> buffers) {
        ReadBuffer buffer = buffers.remove();
        try (SpooledObject object = buffer.open(file)) {
            Verdict verdict = scanner.scan(object, ScanContext.cli());
            return ScanResult.of(file, verdict, json ? object.sha256() : null);
        } catch (IOException | RuntimeException e) {
            return ScanResult.failed(file, FailureMessage.of(e));
        } finally {
            buffers.add(buffer);
        }
    }

    /** Reject wins over error, so a gate that tests for 1 never misses an infected object. */
    private static int exitStatus(List<ScanResult> results) {
        boolean rejected = results.stream().anyMatch(r -> r.verdict() != null && r.verdict().action() == Action.REJECT);
        boolean failed = results.stream().anyMatch(r -> r.error() != null);
        return rejected ? YaraGuard.REJECTED : failed ? YaraGuard.FAILED : YaraGuard.OK;
    }
}
