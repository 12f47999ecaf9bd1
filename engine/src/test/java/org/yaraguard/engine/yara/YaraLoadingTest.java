package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class YaraLoadingTest {

    @Test
    void loadsTheInstalledSonameOnce() throws Exception {
        assertThat(Yara.get()).isSameAs(Yara.get());
        assertThat(Yara.SONAMES).startsWith("libyara.so.10", "libyara.so.9", "libyara.so.8");
        assertThat(Yara.get().libraryName()).isIn(Yara.SONAMES);
    }

    @Test
    void identityHoldsTheFingerprintOfTheLibraryFileTheLinkerMapped() throws Exception {
        Yara yara = Yara.get();
        // The kernel's list of this process's mappings names the file the linker chose for the soname.
        Path mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(path -> path.contains("/" + yara.libraryName())).map(Path::of).findFirst().orElseThrow();
        byte[] library = Files.readAllBytes(mapped);
        CRC32C crc = new CRC32C();
        crc.update(library);
        assertThat(yara.identity())
                .isEqualTo(yara.libraryName() + ":" + library.length + "-" + Long.toHexString(crc.getValue()));
    }

    @Test
    void fingerprintsOfTwoBuildsOfOneSizeDiffer() {
        byte[] build = new byte[4096];
        byte[] rebuilt = build.clone();
        rebuilt[2048] = 1;
        assertThat(Yara.fingerprint(build)).isNotEqualTo(Yara.fingerprint(rebuilt)).startsWith("4096-");
    }

    @Test
    void namesThePackageToInstallWhenNoSonameLoads() {
        assertThatThrownBy(() -> Yara.load(List.of("libyara-absent.so.99")))
                .isInstanceOf(YaraUnavailableException.class)
                .hasMessageContaining("libyara not found")
                .hasMessageContaining("apt-get install libyara9")
                .hasMessageContaining("libyara10");
    }

    @Test
    void theLayoutProbeRuleMustReadBackInEveryField() {
        YaraRuleInfo expected = new YaraRuleInfo("probe", "ns", List.of("a", "b"), Map.of("n", -42L));
        assertThat(Yara.sameRule(new YaraRuleInfo("probe", "ns", List.of("a", "b"), Map.of("n", -42L)), expected))
                .isTrue();
        assertThat(Yara.sameRule(new YaraRuleInfo("probf", "ns", List.of("a", "b"), Map.of("n", -42L)), expected))
                .isFalse();
        assertThat(Yara.sameRule(new YaraRuleInfo("probe", "default", List.of("a", "b"), Map.of("n", -42L)), expected))
                .isFalse();
        assertThat(Yara.sameRule(new YaraRuleInfo("probe", "ns", List.of("a"), Map.of("n", -42L)), expected))
                .isFalse();
        assertThat(Yara.sameRule(new YaraRuleInfo("probe", "ns", List.of("a", "b"), Map.of("n", 42L)), expected))
                .isFalse();
    }

    /**
     * The launchers name JNA's library folders (jna.platform.library.path) so that it skips running ldconfig; libyara
     * must still load, the same one, when they name folders without it.
     */
    @Test
    void loadsTheSameSonameWhenJnasLibraryFoldersAreWrong() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.platform.library.path=/nonexistent:/tmp", "-cp", System.getProperty("java.class.path"),
                PrintLibraryName.class.getName()).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(Yara.get().libraryName());
    }

    /** Run in a child JVM: prints the soname it loaded. */
    static final class PrintLibraryName {
        public static void main(String[] args) throws YaraUnavailableException {
            System.out.println(Yara.get().libraryName());
        }
    }
}
