package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Regression tests for the JVM hazards of DESIGN.md ("Facts about YARA from Java"): 1 and 2 (3 is in RuleLayoutTest). */
class ScanHazardsTest {

    private static final int RULES = 20;

    private YaraRules rules;
    private YaraRules.Lease lease;
    private ByteBuffer input;
    private List<String> expected;

    @BeforeEach
    void compile() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < RULES; i++) {
            source.append("rule marker_").append(i).append(" { strings: $m = \"YG-MARKER-").append(i)
                    .append("-END\" condition: $m }\n");
        }
        source.append("rule absent { strings: $m = \"NOT-IN-THE-INPUT\" condition: $m }\n");
        compiler.addSource("hazards", source.toString(), "hazards.yar");
        rules = compiler.compile();
        lease = rules.lease().orElseThrow();
        input = ByteBuffer.allocateDirect(4 << 20);
        for (int i = 0; i < RULES; i++) {
            input.put(i * (input.capacity() / RULES), ("YG-MARKER-" + i + "-END").getBytes());
        }
        expected = IntStream.range(0, RULES).mapToObj(i -> "marker_" + i).toList();
    }

    @AfterEach
    void close() {
        lease.close();
        rules.close();
    }

    private List<String> scanOnce() throws Exception {
        return lease.scan(input.duplicate(), Map.of(), Duration.ofMinutes(1)).stream()
                .map(m -> m.rule().identifier()).toList();
    }

    /**
     * Hazard 1, observed natively: without NO_TRYCATCH libyara replaces the process's SIGSEGV and SIGBUS handlers for
     * the length of a scan (module imports run inside that window). A pooled scanner reports a module import to its
     * callback, which reads the handlers right there; they must still be the JVM's. Fails when the flag is dropped
     * from SCAN_FLAGS or never passed to yr_scanner_set_flags.
     */
    @Test
    void aPooledScannerLeavesTheJvmSignalHandlersInPlaceDuringAScan() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("imports", "import \"math\" rule imports_a_module { condition: math.abs(-1) == 1 }",
                "imports.yar");
        Map<Integer, Long> outside = SignalHandlers.current();
        Map<Integer, Long> inside = new HashMap<>();
        List<Integer> messages = new ArrayList<>();
        try (YaraRules imports = compiler.compile()) {
            imports.withPooledScanner(scanner -> {
                scanner.collector().observe(message -> {
                    messages.add(message);
                    if (message == LibYara.CALLBACK_MSG_IMPORT_MODULE) {
                        inside.putAll(SignalHandlers.current());
                    }
                });
                assertThat(scanner.scan(Native.getDirectBufferPointer(input), input.capacity(), 60)).isZero();
                assertThat(scanner.collector().count()).isEqualTo(1);
            });
        }
        assertThat(messages).contains(LibYara.CALLBACK_MSG_IMPORT_MODULE);
        assertThat(outside.values()).as("the JVM handles SIGSEGV and SIGBUS").doesNotContain(0L);
        assertThat(inside).as("handlers inside the scan").isEqualTo(outside);
        assertThat(NativeScanner.LIST_FLAGS & LibYara.SCAN_FLAGS_NO_TRYCATCH).isNotZero();
    }

    /**
     * Hazard 1: with libyara's SIGSEGV/SIGBUS handlers installed during scans, a JVM whose other threads hit
     * safepoint polls or implicit null checks hangs (observed here: SIGTERM ignored, 100 % CPU). The stress runs
     * in a child JVM so that a hang fails this test instead of hanging the build.
     */
    @Test
    void concurrentScansSurviveAllocationGarbageCollectionAndImplicitNullChecks() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = Stream.of(ConcurrentScanStress.class, Yara.class, com.sun.jna.Native.class)
                .map(ScanHazardsTest::location).distinct().collect(Collectors.joining(File.pathSeparator));
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classPath,
                ConcurrentScanStress.class.getName()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = child.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        boolean finished = child.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        assertThat(finished).as("stress JVM finished (it hangs when libyara's signal handlers are active)").isTrue();
        assertThat(output.get(1, TimeUnit.MINUTES).strip()).endsWith(ConcurrentScanStress.OK);
        assertThat(child.exitValue()).isZero();
    }

    /**
     * Hazard 2: a JNA callback referenced only from native code is collected, and libyara's reports through it
     * are lost. The same pooled scanner (and callback) serves every scan here while the collector runs between
     * and during them; every scan must still report every rule.
     */
    @Test
    void losesNoMatchWhileTheGarbageCollectorRuns() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> ConcurrentScanStress.collect(running));
        collector.start();
        try {
            int reported = 0;
            for (int i = 0; i < 200; i++) {
                if (i % 20 == 0) {
                    awaitFullCollection();
                }
                reported += scanOnce().size();
            }
            assertThat(reported).isEqualTo(200 * RULES);
        } finally {
            running.set(false);
            collector.join();
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns once the collector has demonstrably run (a weakly reachable object was cleared). */
    private static void awaitFullCollection() throws InterruptedException {
        WeakReference<Object> probe = new WeakReference<>(new Object());
        while (probe.get() != null) {
            System.gc();
            Thread.sleep(1);
        }
    }

}
