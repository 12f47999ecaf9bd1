package org.yaraguard.engine.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two copies of the engine in one JVM (as a WAR bundling its own engine beside the hook's module would load them)
 * write the same findings log at once: their file locks overlap, and no line may be lost or torn.
 */
class FindingsLogClassLoadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOADERS = 2;
    private static final int THREADS_PER_LOADER = 4;
    private static final int LINES_PER_THREAD = 2_000;
    private static final int ROTATED_LINES_PER_THREAD = 500;

    @TempDir
    Path temp;

    @Test
    void twoEngineCopiesWritingAtOnceLoseNoLine() throws Exception {
        Path file = temp.resolve("findings.log");

        List<String> failed = writeFromTwoLoaders(file, "0", "1", LINES_PER_THREAD);

        assertThat(failed).isEmpty();
        assertEveryLineOnce(List.of(file), LINES_PER_THREAD);
    }

    @Test
    void twoEngineCopiesRotatingAtOnceLoseNoLine() throws Exception {
        Path file = temp.resolve("findings.log");

        // About 30 rotations of 16 KiB each; 100 files kept hold every line.
        List<String> failed = writeFromTwoLoaders(file, "16384", "100", ROTATED_LINES_PER_THREAD);

        assertThat(failed).isEmpty();
        List<Path> files = new ArrayList<>(List.of(file));
        for (int n = 1; Files.exists(temp.resolve("findings.log." + n)); n++) {
            files.add(temp.resolve("findings.log." + n));
            assertThat(Files.size(files.get(n))).isLessThanOrEqualTo(16384);
        }
        assertThat(files).hasSizeGreaterThan(10);
        assertEveryLineOnce(files, ROTATED_LINES_PER_THREAD);
    }

    /** Runs every writer thread; returns the ids whose append reported false. */
    private static List<String> writeFromTwoLoaders(Path file, String maxBytes, String keep, int linesPerThread)
            throws Exception {
        URL[] engineAndJackson = {codeSource(FindingsLog.class), codeSource(ObjectMapper.class),
                codeSource(JsonFactory.class), codeSource(JsonAutoDetect.class)};
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS * THREADS_PER_LOADER);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> writers = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        for (int l = 0; l < LOADERS; l++) {
            URLClassLoader loader = new URLClassLoader("engine-copy-" + l, engineAndJackson,
                    ClassLoader.getPlatformClassLoader());
            loaders.add(loader);
            Class<?> logClass = loader.loadClass(FindingsLog.class.getName());
            Class<?> rotationClass = loader.loadClass(FindingsRotation.class.getName());
            assertThat(logClass).isNotSameAs(FindingsLog.class);
            Object rotation = rotationClass.getMethod("parse", String.class, String.class)
                    .invoke(null, maxBytes, keep);
            Object log = logClass.getConstructor(Path.class, rotationClass, Clock.class)
                    .newInstance(file, rotation, Clock.systemUTC());
            Method appendReview = logClass.getMethod("appendReview", String.class, String.class, String.class,
                    String.class);
            for (int t = 0; t < THREADS_PER_LOADER; t++) {
                String writer = l + "-" + t;
                writers.add(pool.submit(() -> {
                    start.await();
                    List<String> failed = new ArrayList<>();
                    for (int i = 0; i < linesPerThread; i++) {
                        String id = writer + "-" + i;
                        if (!(Boolean) appendReview.invoke(log, "view", id, "reviewer", "line " + id)) {
                            failed.add(id);
                        }
                    }
                    return failed;
                }));
            }
        }
        start.countDown();
        List<String> failed = new ArrayList<>();
        for (Future<List<String>> writer : writers) {
            failed.addAll(writer.get());
        }
        pool.shutdown();
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
        return failed;
    }

    private static void assertEveryLineOnce(List<Path> files, int linesPerThread) throws Exception {
        Set<String> ids = new HashSet<>();
        int lines = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                JsonNode json = JSON.readTree(line);
                assertThat(json.get("reason").asText()).isEqualTo("line " + json.get("id").asText());
                ids.add(json.get("id").asText());
                lines++;
            }
        }
        int expected = LOADERS * THREADS_PER_LOADER * linesPerThread;
        assertThat(lines).isEqualTo(expected);
        assertThat(ids).hasSize(expected);
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
