package org.yaraguard.rules.samples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing tool names the package to install; a failing tool reports its output. */
class DcmtkTest {

    @TempDir
    Path work;

    @Test
    void missingToolTellsToInstallDcmtk() {
        assertThatThrownBy(() -> new Dcmtk(work).run("dcmtk-tool-that-does-not-exist", List.of()))
                .isInstanceOf(DcmtkUnavailableException.class)
                .hasMessageContaining("apt-get install dcmtk");
    }

    @Test
    void failingToolReportsItsExitCodeAndOutput() {
        assertThatThrownBy(() -> new Dcmtk(work).run("pdf2dcm", List.of("missing.pdf", "out.dcm")))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(DcmtkUnavailableException.class)
                .hasMessageContaining("pdf2dcm")
                .hasMessageContaining("exit code");
    }
}
