package org.yaraguard.interceptor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.text.MessageFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.AuditOutbox;

/** Metrics are optional: without Micrometer, or without a registry, the hook starts with one INFO line and no observer. */
class GuardMetricsTest {

    private static final Function<String, String> NOTHING_SET = name -> null;

    @TempDir
    Path quarantine;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("org.yaraguard").addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("org.yaraguard").removeHandler(handler);
    }

    @Test
    void withoutTheMicrometerModuleThereIsNoObserverAndNothingBreaks() throws Exception {
        ClassLoader withoutMicrometer = new WithoutMicrometer(GuardMetricsTest.class.getClassLoader());
        Class<?> metrics = withoutMicrometer.loadClass(GuardMetrics.class.getName());
        assertThat(metrics.getClassLoader()).isSameAs(withoutMicrometer);
        Method start = metrics.getMethod("start", Path.class, AuditOutbox.class, Function.class);

        Object observer = start.invoke(null, quarantine, null, NOTHING_SET);

        assertThat(observer).isEqualTo(Optional.empty());
        assertThat(infoLines()).containsExactly(
                "YARA Guard metrics are off: WildFly's io.micrometer module is not installed");
    }

    @Test
    void withMicrometerButNoRegistryInTheDeploymentThereIsNoObserver() {
        assertThat(GuardMetrics.start(quarantine, null, NOTHING_SET)).isEmpty();
        assertThat(infoLines()).singleElement().asString().startsWith("YARA Guard metrics are off: no Micrometer"
                + " registry (").endsWith("); is WildFly's micrometer subsystem configured?");
    }

    @Test
    void switchedOffThereIsNoObserver() {
        assertThat(GuardMetrics.start(quarantine, null, Map.of("yara-guard.metrics.enabled", "false")::get)).isEmpty();
        assertThat(infoLines()).containsExactly("YARA Guard metrics are off: yara-guard.metrics.enabled=false");
    }

    @Test
    void aWrongSwitchIsAnErrorAndLeavesMetricsOn() {
        assertThat(GuardMetrics.enabled(Map.of("yara-guard.metrics.enabled", "ja")::get)).isTrue();
        assertThat(logged).anySatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.SEVERE));
        assertThat(GuardMetrics.enabled(Map.of("yara-guard.metrics.enabled", " FALSE ")::get)).isFalse();
        assertThat(GuardMetrics.enabled(NOTHING_SET)).isTrue();
    }

    private List<String> infoLines() {
        return logged.stream().filter(r -> r.getLevel() == Level.INFO)
                .map(GuardMetricsTest::asLogged).toList();
    }

    /** As the server's log shows a record: a pattern only when there are parameters (JUL's and JBoss's rule). */
    private static String asLogged(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? record.getMessage()
                : MessageFormat.format(record.getMessage(), parameters);
    }

    /** A module without io.micrometer: the metrics package is defined here again, so it links against nothing else. */
    private static final class WithoutMicrometer extends ClassLoader {

        WithoutMicrometer(ClassLoader parent) {
            super("without-micrometer", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.micrometer.")) {
                    throw new ClassNotFoundException(name);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && name.startsWith(GuardMetrics.class.getPackageName() + ".")) {
                    loaded = define(name);
                }
                return loaded != null ? loaded : super.loadClass(name, resolve);
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
