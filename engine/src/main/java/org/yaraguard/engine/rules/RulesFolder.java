package org.yaraguard.engine.rules;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.yaraguard.engine.spool.BufferRelease;
import org.yaraguard.engine.spool.Sha256;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.engine.yara.Yara;
import org.yaraguard.engine.yara.YaraCompileException;
import org.yaraguard.engine.yara.YaraCompiler;
import org.yaraguard.engine.yara.YaraException;
import org.yaraguard.engine.yara.YaraRules;
import org.yaraguard.engine.yara.YaraUnavailableException;

/**
 * A folder of YARA rules compiled into one {@link RuleSet}, each file in its own namespace, and optionally watched:
 * a change takes effect once the folder has been still for the debounce time. A folder that does not compile is
 * refused whole and the rule set in force stays, so there is never a moment without rules.
 */
public final class RulesFolder implements AutoCloseable {

    private static final Logger LOG = System.getLogger(RulesFolder.class.getName());

    /**
     * How to watch the folder: a change is picked up after it has been still for one poll interval (the debounce);
     * a null interval means compile once and never look again. With a cache, a folder state compiled before (by
     * this libyara) is loaded from it instead of compiled again.
     */
    public record Options(Duration pollInterval, RuleSetListener listener, CompiledRulesCache cache) {

        public Options(Duration pollInterval, RuleSetListener listener) {
            this(pollInterval, listener, null);
        }

        public static Options once() {
            return new Options(null, null);
        }

        public static Options watching(Duration pollInterval, RuleSetListener listener) {
            return new Options(pollInterval, listener);
        }

        /** These options, keeping compiled rules in {@code cache} (null: none). */
        public Options withCache(CompiledRulesCache cache) {
            return new Options(pollInterval, listener, cache);
        }
    }

    /** Changes whenever the way a folder state is compiled changes, so that older cached rules are not used. */
    private static final String COMPILE_FORMAT = "yara-guard compiled rules 2";

    private final Path folder;
    private final Options options;
    private final Yara yara;
    private final ScheduledExecutorService watcher;
    private volatile RuleSet current;
    private volatile List<CompileError> lastErrors = List.of();
    private String lastTriedId;
    private String seenFingerprint;
    private String stableFingerprint;

    private RulesFolder(Path folder, Options options, Yara yara) {
        this.folder = folder.toAbsolutePath().normalize();
        this.options = options;
        this.yara = yara;
        this.watcher = options.pollInterval() == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "yara-guard-rules-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Compiles the folder now and, if asked, starts watching it. A folder that does not compile leaves
     * {@link #current()} empty and {@link #lastErrors()} filled; only a missing libyara throws.
     */
    public static RulesFolder open(Path folder, Options options) throws YaraUnavailableException {
        RulesFolder rules = new RulesFolder(folder, options, Yara.get());
        rules.reload();
        if (rules.watcher != null) {
            long millis = options.pollInterval().toMillis();
            rules.watcher.scheduleWithFixedDelay(rules::poll, millis, millis, TimeUnit.MILLISECONDS);
        }
        return rules;
    }

    /** The rule set in force, if any folder state ever compiled. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(current);
    }

    /** The errors of the last refused folder state; empty after a successful load. */
    public List<CompileError> lastErrors() {
        return lastErrors;
    }

    /** The rule set in force, leased for one scan; empty when no rule set is in force. */
    public Optional<ActiveRules> activate() {
        while (true) {
            RuleSet ruleSet = current;
            if (ruleSet == null) {
                return Optional.empty();
            }
            Optional<YaraRules.Lease> lease = ruleSet.rules().lease();
            if (lease.isPresent()) {
                YaraRules slices = ruleSet.regionAwareRules();
                if (slices == null || slices == ruleSet.rules()) {
                    return Optional.of(new ActiveRules(ruleSet, lease.get(), slices == null ? null : lease.get()));
                }
                Optional<YaraRules.Lease> regionAwareLease = slices.lease();
                if (regionAwareLease.isPresent()) {
                    return Optional.of(new ActiveRules(ruleSet, lease.get(), regionAwareLease.get()));
                }
                lease.get().close();
            }
            // A reload closed this set between the read and the lease: the next read sees its successor.
        }
    }

    /** Reads and, if its contents changed, compiles the folder now. Returns whether a new rule set took effect. */
    public synchronized boolean reload() {
        FolderSnapshot snapshot;
        try {
            snapshot = FolderSnapshot.read(folder);
        } catch (IOException e) {
            refuse(null, List.of(new CompileError(folder.toString(), 0, "cannot read rules folder: " + e.getMessage())));
            return false;
        }
        SortedMap<String, String> digests = snapshot.digests();
        String id = FolderSnapshot.id(digests);
        RuleSet inForce = current;
        if (inForce != null && inForce.id().equals(id) && !lastErrors.isEmpty()) {
            // The folder is back to the set in force: the refusal is over, and a new broken state is tried again.
            lastErrors = List.of();
            lastTriedId = id;
            if (options.listener() != null) {
                options.listener().loaded(inForce);
            }
        }
        if (inForce != null && inForce.id().equals(id) || id.equals(lastTriedId)) {
            return false;
        }
        lastTriedId = id;
        try {
            RuleSet compiled = compile(snapshot, digests, id);
            current = compiled;
            lastErrors = List.of();
            if (inForce != null) {
                inForce.close();
            }
            LOG.log(Level.INFO, () -> "YARA Guard rules in force: " + compiled.files().size() + " files, "
                    + compiled.rules().rules().size() + " rules, id " + compiled.id() + " from " + folder + "; "
                    + (compiled.regionAwareRules() == null ? 0 : compiled.regionAwareRules().rules().size())
                    + " of the rules name the region and also run over the preamble");
            if (!compiled.warnings().isEmpty()) {
                LOG.log(Level.WARNING, () -> "YARA Guard rules compiled with warnings:" + compiled.warnings().stream()
                        .map(w -> "\n  " + w).collect(Collectors.joining()));
            }
            if (options.listener() != null) {
                options.listener().loaded(compiled);
            }
            return true;
        } catch (YaraCompileException e) {
            refuse(id, e.errors().stream().map(ExternalVariables::explain).toList());
            return false;
        }
    }

    private RuleSet compile(FolderSnapshot snapshot, SortedMap<String, String> digests, String id) throws YaraCompileException {
        List<CompileError> refusals = new ArrayList<>();
        for (String compiled : snapshot.compiledRuleFiles()) {
            refusals.add(new CompileError(compiled, 0, "compiled rule files are not accepted; use the .yar source"));
        }
        List<String> ruleFiles = snapshot.ruleFiles();
        if (ruleFiles.isEmpty()) {
            refusals.add(new CompileError(folder.toString(), 0, "no *.yar or *.yara file in the rules folder"));
        }
        if (!refusals.isEmpty()) {
            throw new YaraCompileException(refusals);
        }
        List<RuleFile> files = new ArrayList<>();
        for (String path : ruleFiles) {
            files.add(new RuleFile(path, digests.get(path)));
        }
        Compilation compilation = compileOrLoad(snapshot, ruleFiles, true, id);
        return new RuleSet(id, folder, compilation.rules(),
                regionAwareRules(snapshot, ruleFiles, compilation.rules(), id), files, Instant.now(),
                compilation.warnings());
    }

    /** The rules of the files that name the region: all of {@code rules}, some compiled apart, or none. */
    private YaraRules regionAwareRules(FolderSnapshot snapshot, List<String> ruleFiles, YaraRules rules, String id) {
        List<String> regionAwareFiles = RegionAwareFiles.of(snapshot);
        if (regionAwareFiles.isEmpty() || regionAwareFiles.size() == ruleFiles.size()) {
            return regionAwareFiles.isEmpty() ? null : rules;
        }
        try {
            return compileOrLoad(snapshot, regionAwareFiles, false, id).rules();
        } catch (YaraCompileException e) {
            // Not expected (each file compiled in the whole set); every rule over the preamble is the safe side.
            LOG.log(Level.WARNING, () -> "YARA Guard runs every rule over the preamble: the rules naming the region "
                    + "did not compile apart: " + e.getMessage());
            return rules;
        }
    }

    /**
     * The rules of {@code ruleFiles} ({@code allFiles}: every rule file of the folder state) from the cache when they
     * were saved there before, else compiled (and saved).
     */
    private Compilation compileOrLoad(FolderSnapshot snapshot, List<String> ruleFiles, boolean allFiles, String id)
            throws YaraCompileException {
        CompiledRulesCache cache = options.cache();
        String key = cache == null ? null : cacheKey(id, allFiles ? List.of() : ruleFiles);
        if (cache != null) {
            Optional<ByteBuffer> saved = cache.read(key);
            if (saved.isPresent()) {
                ByteBuffer record = saved.get();
                try (YaraCompiler loader = newCompiler()) {
                    List<CompileError> warnings = Compilation.decodeWarnings(record);
                    return new Compilation(loader.load(record), warnings);
                } catch (YaraException | RuntimeException e) {
                    LOG.log(Level.INFO, () -> "YARA Guard compiles again: libyara refused the cached rules of " + id
                            + " (" + e.getMessage() + ")");
                    cache.remove(key);
                } finally {
                    BufferRelease.release(record);
                }
            }
        }
        Compilation compiled;
        try (YaraCompiler compiler = newCompiler()) {
            compiler.setIncludeResolver(new FolderIncludes(snapshot));
            for (String path : ruleFiles) {
                compiler.addSource(path, snapshot.text(path), path);
            }
            YaraRules rules = compiler.compile();
            compiled = new Compilation(rules, compiler.warnings());
        }
        if (cache != null) {
            try {
                cache.write(key, Compilation.encode(compiled.warnings(), compiled.rules().save()));
            } catch (YaraException e) {
                LOG.log(Level.WARNING, () -> "YARA Guard could not save compiled rules: " + e.getMessage());
            }
        }
        return compiled;
    }

    private YaraCompiler newCompiler() {
        YaraCompiler compiler = yara.newCompiler();
        ExternalVariables.defaults().forEach(compiler::defineExternal);
        return compiler;
    }

    /** The folder state, the files compiled when only some are (else empty), the externals, libyara, how we compile. */
    private String cacheKey(String id, List<String> someFiles) {
        String key = COMPILE_FORMAT + "\n" + yara.identity() + "\n" + id + "\n" + ExternalVariables.defaults()
                + (someFiles.isEmpty() ? "" : "\nonly " + String.join("\0", someFiles));
        return Sha256.of(ByteBuffer.wrap(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void refuse(String id, List<CompileError> errors) {
        lastErrors = List.copyOf(errors);
        String kept = current == null ? "no rule set is in force" : "rule set " + current.id() + " stays in force";
        StringBuilder message = new StringBuilder("YARA Guard refused the rules folder ").append(folder)
                .append(" (").append(kept).append("):");
        for (CompileError error : errors) {
            message.append("\n  ").append(error.file()).append(':').append(error.line()).append(": ")
                    .append(error.message());
        }
        LOG.log(Level.ERROR, message::toString);
        if (options.listener() != null) {
            options.listener().refused(id, lastErrors);
        }
    }

    /** One watch tick: reload once the fingerprint has been the same for two ticks in a row (the debounce). */
    private void poll() {
        try {
            String fingerprint = FolderSnapshot.fingerprint(folder);
            if (fingerprint.equals(seenFingerprint)) {
                if (!fingerprint.equals(stableFingerprint)) {
                    stableFingerprint = fingerprint;
                    reload();
                }
            }
            seenFingerprint = fingerprint;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "YARA Guard cannot watch the rules folder " + folder, e);
        }
    }

    /** Stops watching and releases the rule set; scans still running keep it alive until they finish. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        RuleSet last = current;
        current = null;
        if (last != null) {
            last.close();
        }
    }
}
