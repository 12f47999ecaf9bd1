package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YaraLoadingTest {

    @Test
    void loadsTheInstalledSonameOnce() throws Exception {
        assertThat(Yara.get()).isSameAs(Yara.get());
        assertThat(Yara.SONAMES).startsWith("libyara.so.10", "libyara.so.9", "libyara.so.8");
        assertThat(Yara.get().libraryName()).isIn(Yara.SONAMES);
    }

    @Test
    void namesThePackageToInstallWhenNoSonameLoads() {
        assertThatThrownBy(() -> Yara.load(List.of("libyara-absent.so.99")))
                .isInstanceOf(YaraUnavailableException.class)
                .hasMessageContaining("libyara not found")
                .hasMessageContaining("apt-get install libyara9")
                .hasMessageContaining("libyara10");
    }
}
