package org.yaraguard.engine.yara;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.zip.CRC32C;

/**
 * The system libyara, loaded once per class loader: the first soname of {@code libyara.so.10}, {@code .9},
 * {@code .8} (then plain {@code yara}) that loads.
 *
 * <p>Redeploys and several class loaders: a WildFly redeploy loads this class again in a new class loader while
 * the old one may still be finishing scans, so each instance calls {@code yr_initialize} itself and none ever
 * calls {@code yr_finalize}. libyara counts initializations, so a later instance finds it ready; an instance that
 * called {@code yr_finalize} on undeploy could tear down global state (module tables, thread keys) under another
 * loader's running scans. The price is that libyara stays initialized for the life of the JVM (a few tables).
 * libyara's counter is a plain, unlocked integer, so calls from different class loaders are serialised on a
 * JVM-wide monitor: a string literal, which the JVM interns once for all class loaders. Each class loader binds
 * its own JNA natives (JNA unpacks its own {@code libjnidispatch} per loader); libyara itself is mapped once by
 * the dynamic linker, so all loaders share the same, already initialized, library.
 *
 * <p>The layout of {@code YR_RULE} changed in libyara 4.4 without a soname change; it is probed here once, on a
 * rule compiled for the purpose, before any rule is read (see {@link RuleLayout}).
 */
public final class Yara {

    private static final System.Logger LOG = System.getLogger(Yara.class.getName());

    static final List<String> SONAMES = List.of("libyara.so.10", "libyara.so.9", "libyara.so.8", "yara");

    /** Shared by every class loader of the JVM (string literals are interned JVM-wide); guards yr_initialize. */
    private static final Object JVM_WIDE_INIT_LOCK = "org.yaraguard.engine.yara.Yara#yr_initialize";

    private static final String PROBE_RULE = "yg_layout_probe";
    private static final String PROBE_NAMESPACE = "yg_probe_ns";
    private static final String PROBE_SOURCE = """
            rule yg_layout_probe : yg_probe_tag1 yg_probe_tag2 {
              meta:
                text = "yg-probe"
                number = -42
                flag = true
              condition:
                true
            }
            rule yg_match_probe {
              strings:
                $one = "yg-match-one"
                $two = "yg-match-two"
              condition:
                all of them
            }
            """;
    private static final String MATCH_PROBE_RULE = "yg_match_probe";
    /** Where the match probe plants its strings in a zeroed buffer; read back sorted, they must be exactly these. */
    private static final Map<Long, String> MATCH_PROBE_PLANTED = Map.of(5L, "yg-match-one", 33L, "yg-match-two",
            70L, "yg-match-one");
    private static final YaraRuleInfo PROBE_EXPECTED = new YaraRuleInfo(PROBE_RULE, PROBE_NAMESPACE,
            List.of("yg_probe_tag1", "yg_probe_tag2"), probeMeta());

    private static Yara instance;
    /** Remembered: JNA binds natives once per class, so a failed load is not retried within this class loader. */
    private static YaraUnavailableException failure;

    private final String libraryName;
    /** Held so that JNA never unloads the library while this instance exists. */
    private final NativeLibrary library;
    /** A valid address for scans of zero bytes (libyara is given no NULL buffer). */
    private final Memory emptyInput = new Memory(1);
    private RuleLayout ruleLayout;
    private String identity;
    private MatchLayout matchLayout;

    private Yara(String libraryName, NativeLibrary library) {
        this.libraryName = libraryName;
        this.library = library;
    }

    /** The process-wide binding; the exception message says which package to install when libyara is missing. */
    public static synchronized Yara get() throws YaraUnavailableException {
        if (instance == null && failure == null) {
            try {
                instance = load(SONAMES);
            } catch (YaraUnavailableException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new YaraUnavailableException(failure.getMessage(), failure);
        }
        return instance;
    }

    /** The soname that was loaded, e.g. {@code libyara.so.9}. */
    public String libraryName() {
        return libraryName;
    }

    /**
     * What identifies this libyara build for compiled rules it saved: the soname, and the size and CRC32C of the
     * library file (4.3 and 4.4 share a soname but not a compiled-rules format); the soname alone if the file cannot be
     * read.
     * A CRC tells builds apart by accident, which is all a cache key needs (whoever can swap libyara runs code in this
     * process anyway), at ~1 ms: a cold JVM's SHA-256 of the 0.4 MB library took 20-27 ms of every CLI start.
     */
    public synchronized String identity() {
        if (identity == null) {
            String digest;
            try {
                Path file = mappedFile();
                digest = file == null ? "unknown" : fingerprint(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                digest = "unreadable";
            }
            identity = libraryName + ":" + digest;
        }
        return identity;
    }

    /** {@code <size>-<CRC32C in hex>}. */
    static String fingerprint(byte[] library) {
        CRC32C crc = new CRC32C();
        crc.update(library);
        return library.length + "-" + Long.toHexString(crc.getValue());
    }

    /**
     * The file the dynamic linker mapped, as dladdr names it for one of its functions: JNA knows only the soname it
     * was asked for (a relative name, unreadable from the working folder), as the linker found it through its cache.
     */
    private Path mappedFile() {
        try (Memory info = new Memory(4L * Native.POINTER_SIZE)) {
            info.clear();
            Function dladdr = NativeLibrary.getProcess().getFunction("dladdr");
            if (dladdr.invokeInt(new Object[] {library.getFunction("yr_initialize"), info}) == 0) {
                return null;
            }
            String name = CString.read(info.getPointer(0));
            return name == null || name.isEmpty() ? null : Path.of(name);
        }
    }

    /** A new compiler for one rule set. */
    public YaraCompiler newCompiler() {
        return new YaraCompiler(this);
    }

    RuleLayout ruleLayout() {
        return ruleLayout;
    }

    /** Null when no candidate layout read the probe's matches back: scans then report no offsets. */
    MatchLayout matchLayout() {
        return matchLayout;
    }

    Pointer emptyInput() {
        return emptyInput;
    }

    /** Loads the first of {@code sonames} that the dynamic linker finds. */
    static Yara load(List<String> sonames) throws YaraUnavailableException {
        List<String> failures = new ArrayList<>();
        for (String soname : sonames) {
            NativeLibrary library;
            try {
                library = NativeLibrary.getInstance(soname);
            } catch (UnsatisfiedLinkError e) {
                failures.add(soname);
                continue;
            }
            try {
                LibYara.bind(library);
            } catch (UnsatisfiedLinkError e) {
                throw new YaraUnavailableException(soname + " loaded but lacks the libyara 4.x API: " + e.getMessage()
                        + "; install libyara 4.1 or later", e);
            }
            Yara yara = new Yara(soname, library);
            yara.initialize();
            LOG.log(System.Logger.Level.DEBUG, () -> "loaded " + soname + ", YR_RULE.identifier at offset "
                    + yara.ruleLayout.identifierOffset() + ", " + (yara.matchLayout == null ? "match offsets unknown"
                    : "YR_SCAN_CONTEXT.matches at offset " + yara.matchLayout.contextMatchesOffset()));
            return yara;
        }
        throw new YaraUnavailableException("libyara not found (tried " + String.join(", ", failures)
                + "): install it with `apt-get install libyara9` (Debian 12) or libyara10 (Debian 13 / Ubuntu 24.04)",
                null);
    }

    private void initialize() throws YaraUnavailableException {
        synchronized (JVM_WIDE_INIT_LOCK) {
            int rc = LibYara.yr_initialize();
            if (rc != LibYara.ERROR_SUCCESS) {
                throw new YaraUnavailableException(libraryName + ": yr_initialize failed with libyara error " + rc
                        + " (" + YaraErrorNames.of(rc) + ")", null);
            }
        }
        ruleLayout = probeRuleLayout();
    }

    /** Compiles a rule with a known identifier, finds where its identifier sits and checks every field reads back. */
    private RuleLayout probeRuleLayout() throws YaraUnavailableException {
        Pointer rules;
        YaraCompiler compiler = newCompiler();
        compiler.addSource(PROBE_NAMESPACE, PROBE_SOURCE, "layout-probe.yar");
        try {
            rules = compiler.compileNative();
        } catch (YaraCompileException e) {
            throw new YaraUnavailableException(libraryName + ": cannot compile the layout probe: " + e.getMessage(), e);
        }
        NativeScanner scanner = null;
        try {
            scanner = NativeScanner.create(rules, NativeScanner.SCAN_FLAGS, List.of(), null);
            int rc = scanner.scan(emptyInput, 0, 0);
            if (rc != LibYara.ERROR_SUCCESS || scanner.collector().count() != 1) {
                throw unsupported("the probe scan failed (libyara error " + rc + ")");
            }
            Pointer rule = new Pointer(scanner.collector().rule(0));
            OptionalInt offset = RuleLayout.detect(rule, PROBE_RULE);
            if (offset.isEmpty()) {
                throw unsupported("YR_RULE.identifier is at none of the known offsets");
            }
            RuleLayout layout = new RuleLayout(offset.getAsInt());
            YaraRuleInfo read = layout.read(rule);
            if (!sameRule(read, PROBE_EXPECTED)) {
                throw unsupported("the probe rule reads back as " + read);
            }
            matchLayout = probeMatchLayout(rules, layout);
            return layout;
        } catch (YaraException e) {
            throw unsupported(e.getMessage());
        } finally {
            if (scanner != null) {
                scanner.destroy();
            }
            LibYara.yr_rules_destroy(rules);
        }
    }

    /**
     * Field by field rather than the record's equals: that is bootstrapped through method handles on its first call,
     * ~35 ms in the command line's C1-only JVM, and nothing else on the way to a scan compares records.
     */
    static boolean sameRule(YaraRuleInfo read, YaraRuleInfo expected) {
        return Objects.equals(read.identifier(), expected.identifier())
                && Objects.equals(read.namespace(), expected.namespace())
                && read.tags().equals(expected.tags()) && read.meta().equals(expected.meta());
    }

    /** The first candidate whose reading of a scan over planted strings gives exactly their offsets; else null. */
    private static MatchLayout probeMatchLayout(Pointer rules, RuleLayout ruleLayout) throws YaraException {
        long[] expected = MATCH_PROBE_PLANTED.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        try (Memory input = new Memory(128)) {
            input.clear();
            MATCH_PROBE_PLANTED.forEach((at, text) -> input.write(at, text.getBytes(StandardCharsets.US_ASCII), 0,
                    text.length()));
            for (int candidate : MatchLayout.CANDIDATE_OFFSETS) {
                MatchLayout layout = new MatchLayout(candidate, ruleLayout.stringsOffset());
                NativeScanner scanner = NativeScanner.create(rules, NativeScanner.SCAN_FLAGS, List.of(), layout);
                try {
                    if (scanner.scan(input, input.size(), 0) != LibYara.ERROR_SUCCESS) {
                        continue;
                    }
                    MatchCollector collector = scanner.collector();
                    for (int i = 0; i < collector.count(); i++) {
                        if (MATCH_PROBE_RULE.equals(ruleLayout.read(new Pointer(collector.rule(i))).identifier())
                                && Arrays.equals(collector.offsets(i), expected)) {
                            return layout;
                        }
                    }
                } finally {
                    scanner.destroy();
                }
            }
        }
        return null;
    }

    private YaraUnavailableException unsupported(String detail) {
        return new YaraUnavailableException(libraryName + " has a rule layout this binding does not know ("
                + detail + "); supported: libyara 4.1 to 4.5", null);
    }

    private static Map<String, Object> probeMeta() {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("text", "yg-probe");
        meta.put("number", -42L);
        meta.put("flag", true);
        return meta;
    }
}
