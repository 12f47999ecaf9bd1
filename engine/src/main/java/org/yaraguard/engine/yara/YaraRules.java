package org.yaraguard.engine.yara;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Compiled rules shared by all threads, reference-counted so that a hot reload can swap them underneath running
 * scans: the owner, every open {@link Lease} and every scan in progress hold a reference, and the native rules
 * and their pooled scanners are destroyed when the last one is released.
 */
public final class YaraRules implements AutoCloseable {

    /** An empty input must evaluate within this time for the rules to be listed; longer means broken rules. */
    private static final int LISTING_TIMEOUT_SECONDS = 60;

    private final Yara yara;
    private final Pointer handle;
    private final List<ExternalVariable> externals;
    /** Every listed YR_RULE*, in declaration order. */
    private final long[] listed;
    private final List<YaraRuleInfo> rules = new Listed();
    /**
     * YR_RULE* → info, read from native memory on first need only: a rule that never matches is never read (5,143
     * rules: ~20 ms of a cold start), and each rule is read once.
     */
    private final Map<Long, YaraRuleInfo> infos = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<NativeScanner> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger scansInProgress = new AtomicInteger();
    private volatile boolean destroyed;

    private YaraRules(Yara yara, Pointer handle, List<ExternalVariable> externals, long[] listed) {
        this.yara = yara;
        this.handle = handle;
        this.externals = externals;
        this.listed = listed;
    }

    /**
     * Takes ownership of {@code handle} (destroying it on failure) and lists its rules: one scan of an empty
     * input with RULE_NOT_MATCHING reports enabled makes libyara report every non-private rule exactly once, in
     * declaration order, through the public callback API alone.
     */
    static YaraRules create(Yara yara, Pointer handle, List<ExternalVariable> externals) throws YaraException {
        NativeScanner lister = null;
        Set<Long> seen = new HashSet<>();
        long[] listed;
        try {
            lister = NativeScanner.create(handle, NativeScanner.LIST_FLAGS, externals, null);
            int rc = lister.scan(yara.emptyInput(), 0, LISTING_TIMEOUT_SECONDS);
            if (rc != LibYara.ERROR_SUCCESS) {
                throw new YaraException("listing the rules (a scan of an empty input)", rc);
            }
            MatchCollector reported = lister.collector();
            long[] rules = new long[reported.count()];
            int count = 0;
            for (int i = 0; i < reported.count(); i++) {
                if (seen.add(reported.rule(i))) {
                    rules[count++] = reported.rule(i);
                }
            }
            listed = Arrays.copyOf(rules, count);
        } catch (YaraException | RuntimeException e) {
            if (lister != null) {
                lister.destroy();
            }
            LibYara.yr_rules_destroy(handle);
            throw e;
        }
        // Not pooled: it reports non-matching rules too.
        lister.destroy();
        return new YaraRules(yara, handle, externals, listed);
    }

    /**
     * libyara's serialized form of these rules, which {@link YaraCompiler#load} reads back. Only ever for bytes this
     * engine wrote itself: libyara trusts a compiled file as if it were code.
     */
    public byte[] save() throws YaraException {
        if (!retain()) {
            throw new IllegalStateException("save of destroyed rules");
        }
        try {
            return RulesStream.save(handle);
        } finally {
            release();
        }
    }

    /**
     * Every non-private rule, in declaration order. Its size is known at once; a rule's identifier, tags and meta are
     * read when first asked for, which throws {@link IllegalStateException} once the rules were destroyed.
     */
    public List<YaraRuleInfo> rules() {
        return rules;
    }

    /** A lease keeping the rules alive until it is closed; empty once {@link #close()} was called. */
    public Optional<Lease> lease() {
        if (closed.get() || !retain()) {
            return Optional.empty();
        }
        if (closed.get()) {
            release();
            return Optional.empty();
        }
        return Optional.of(new Lease());
    }

    /** Gives up the owner's reference; the rules are destroyed once no lease or scan holds them any more. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** Whether the native rules were destroyed (for tests and diagnostics). */
    boolean destroyed() {
        return destroyed;
    }

    /** How many rules were read from native memory so far (for tests). */
    int rulesRead() {
        return infos.size();
    }

    int scansInProgress() {
        return scansInProgress.get();
    }

    /** Lends a pooled scanner to {@code use}, then pools it again: the NO_TRYCATCH test observes a real scan with it. */
    void withPooledScanner(Consumer<NativeScanner> use) throws YaraException {
        NativeScanner scanner = borrow();
        try {
            use.accept(scanner);
        } finally {
            idle.push(scanner);
        }
    }

    private boolean retain() {
        for (int count = references.get(); count > 0; count = references.get()) {
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
        return false;
    }

    private void release() {
        if (references.decrementAndGet() == 0) {
            destroyed = true;
            for (NativeScanner scanner = idle.poll(); scanner != null; scanner = idle.poll()) {
                scanner.destroy();
            }
            LibYara.yr_rules_destroy(handle);
        }
    }

    private NativeScanner borrow() throws YaraException {
        NativeScanner scanner = idle.poll();
        return scanner != null ? scanner
                : NativeScanner.create(handle, NativeScanner.SCAN_FLAGS, externals, yara.matchLayout());
    }

    private List<YaraMatch> matches(MatchCollector collector) {
        List<YaraMatch> result = new ArrayList<>(collector.count());
        for (int i = 0; i < collector.count(); i++) {
            result.add(new YaraMatch(info(collector.rule(i)), Arrays.stream(collector.offsets(i)).boxed().toList()));
        }
        return result;
    }

    /** The rule at {@code rule}, which the caller keeps alive by a reference. */
    private YaraRuleInfo info(long rule) {
        return infos.computeIfAbsent(rule, r -> yara.ruleLayout().read(new Pointer(r)));
    }

    /** The listed rules, each read on first access while a reference keeps the native rules alive. */
    private final class Listed extends AbstractList<YaraRuleInfo> implements RandomAccess {

        @Override
        public YaraRuleInfo get(int index) {
            long rule = listed[Objects.checkIndex(index, listed.length)];
            YaraRuleInfo known = infos.get(rule);
            if (known != null) {
                return known;
            }
            if (!retain()) {
                throw new IllegalStateException("the rules were destroyed");
            }
            try {
                return info(rule);
            } finally {
                release();
            }
        }

        @Override
        public int size() {
            return listed.length;
        }
    }

    /** Whole seconds, rounded up, at least 1 (libyara's granularity); 0 (none) for null, zero or negative. */
    static int timeoutSeconds(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /** A hold on the rules; thread-safe. */
    public final class Lease implements AutoCloseable {

        private final AtomicBoolean leaseClosed = new AtomicBoolean();

        private Lease() {
        }

        /** The rules this lease holds. */
        public YaraRules rules() {
            return YaraRules.this;
        }

        /**
         * Scans {@code bytes[position, limit)} (position unchanged) with {@code externals} (compile-time
         * defaults for those not given) and a timeout (null or zero: none; else whole seconds, rounded up).
         * Direct and mapped buffers are scanned in place; a heap buffer is copied into native memory first.
         *
         * @throws YaraScanIncompleteException when libyara stopped recording some string's matches (its limit is
         *         1,000,000 per string): the rules reported are kept, but a rule may have missed what it looks for
         */
        public List<YaraMatch> scan(ByteBuffer bytes, Map<String, Object> externals, Duration timeout)
                throws YaraScanTimeoutException, YaraScanIncompleteException, YaraException {
            if (leaseClosed.get() || !retain()) {
                throw new IllegalStateException("scan on a closed lease");
            }
            scansInProgress.incrementAndGet();
            NativeScanner scanner = null;
            try {
                scanner = borrow();
                scanner.setExternals(externals == null ? Map.of() : externals);
                int rc = scanIn(scanner, bytes, timeoutSeconds(timeout));
                if (rc == LibYara.ERROR_SCAN_TIMEOUT) {
                    throw new YaraScanTimeoutException("scan exceeded " + timeoutSeconds(timeout) + " s");
                }
                if (rc == LibYara.ERROR_TOO_MANY_MATCHES) {
                    throw new YaraScanIncompleteException("libyara aborted the scan: a string reached its match limit",
                            matches(scanner.collector()));
                }
                if (rc != LibYara.ERROR_SUCCESS) {
                    throw new YaraException("yr_scanner_scan_mem", rc);
                }
                List<YaraMatch> result = matches(scanner.collector());
                int saturated = scanner.collector().saturatedStrings();
                idle.push(scanner);
                scanner = null;
                if (saturated > 0) {
                    throw new YaraScanIncompleteException(saturated + " string(s) reached libyara's match limit and "
                            + "were no longer searched", result);
                }
                return result;
            } finally {
                // A scanner whose scan failed is not trusted again: destroying it is cheap.
                if (scanner != null) {
                    scanner.destroy();
                }
                scansInProgress.decrementAndGet();
                release();
            }
        }

        private int scanIn(NativeScanner scanner, ByteBuffer bytes, int seconds) {
            int size = bytes.remaining();
            if (size == 0) {
                return scanner.scan(yara.emptyInput(), 0, seconds);
            }
            if (bytes.isDirect()) {
                try {
                    return scanner.scan(Native.getDirectBufferPointer(bytes).share(bytes.position()), size, seconds);
                } finally {
                    // The buffer owns the memory being scanned: keep it from being freed until libyara is done.
                    Reference.reachabilityFence(bytes);
                }
            }
            try (Memory copy = new Memory(size)) {
                copy.getByteBuffer(0, size).put(bytes.duplicate());
                return scanner.scan(copy, size, seconds);
            }
        }

        /** Releases this lease's hold; idempotent. */
        @Override
        public void close() {
            if (leaseClosed.compareAndSet(false, true)) {
                release();
            }
        }
    }
}
