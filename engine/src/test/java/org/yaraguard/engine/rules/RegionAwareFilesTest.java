package org.yaraguard.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionAwareFilesTest {

    @TempDir
    Path folder;

    @Test
    void onlyFilesNamingTheRegionOrIncludingRunOverThePreamble() throws Exception {
        Files.writeString(folder.resolve("blind.yar"), "rule Blind { strings: $a = \"regional includes\" condition: $a }\n");
        Files.writeString(folder.resolve("named.yar"), "rule Named { condition: region == \"preamble\" }\n");
        Files.writeString(folder.resolve("accented.yar"),
                "// Régions, naïve\nrule Accented { condition: filesize > 0 and region != \"object\" }\n");
        Files.writeString(folder.resolve("including.yar"), "include \"blind.yar\"\n");
        Files.writeString(folder.resolve("notes.txt"), "region\n");
        assertThat(RegionAwareFiles.of(FolderSnapshot.read(folder)))
                .containsExactly("accented.yar", "including.yar", "named.yar");
    }
}
