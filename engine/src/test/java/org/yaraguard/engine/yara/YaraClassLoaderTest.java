package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A redeploy in WildFly loads this package (and JNA) again in a new class loader while the old one may still be
 * scanning: both must be able to initialise libyara and scan in the same JVM.
 */
class YaraClassLoaderTest {

    private static final String SOURCE = "rule seen { strings: $m = \"XYZZY\" condition: $m }";

    @Test
    void aSecondClassLoaderBindsAndScansWhileTheFirstKeepsWorking() throws Exception {
        ByteBuffer input = ByteBuffer.allocateDirect(64).put(10, "XYZZY".getBytes());
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("first", SOURCE, "first.yar");
        try (YaraRules rules = compiler.compile(); YaraRules.Lease lease = rules.lease().orElseThrow()) {
            URL[] classPath = {location(Yara.class), location(Native.class)};
            try (URLClassLoader redeployed = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
                Class<?> otherYara = redeployed.loadClass(Yara.class.getName());
                assertThat(otherYara).isNotSameAs(Yara.class);
                assertThat(scanIn(otherYara, input)).singleElement().asString().contains("identifier=seen");
            }
            assertThat(lease.scan(input, Map.of(), Duration.ofSeconds(5))).extracting(m -> m.rule().identifier())
                    .containsExactly("seen");
        }
    }

    /** Compiles and scans through the other class loader's copy of the public API (reflection: different classes). */
    private static List<?> scanIn(Class<?> yaraClass, ByteBuffer input) throws Exception {
        Object yara = yaraClass.getMethod("get").invoke(null);
        Object compiler = yaraClass.getMethod("newCompiler").invoke(yara);
        compiler.getClass().getMethod("addSource", String.class, String.class, String.class)
                .invoke(compiler, "second", SOURCE, "second.yar");
        Object rules = compiler.getClass().getMethod("compile").invoke(compiler);
        Object lease = ((Optional<?>) rules.getClass().getMethod("lease").invoke(rules)).orElseThrow();
        try {
            return (List<?>) lease.getClass().getMethod("scan", ByteBuffer.class, Map.class, Duration.class)
                    .invoke(lease, input, Map.of(), Duration.ofSeconds(5));
        } finally {
            lease.getClass().getMethod("close").invoke(lease);
            rules.getClass().getMethod("close").invoke(rules);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
