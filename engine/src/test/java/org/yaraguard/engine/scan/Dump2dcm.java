package org.yaraguard.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Objects for this package's tests, made by DCMTK's dump2dcm from dump lines. */
final class Dump2dcm {

    private Dump2dcm() {
    }

    /** {@code folder/name}, made from {@code dumpLines} with dump2dcm's {@code options} (e.g. "+te", "+td", "-F"). */
    static Path make(Path folder, String name, List<String> dumpLines, String... options) throws Exception {
        Path dump = folder.resolve(name + ".txt");
        Files.writeString(dump, String.join("\n", dumpLines) + "\n");
        Path target = folder.resolve(name);
        List<String> command = new ArrayList<>(List.of("dump2dcm"));
        command.addAll(List.of(options));
        command.addAll(List.of(dump.toString(), target.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("dump2dcm (apt-get install dcmtk): %s", output).isZero();
        return target;
    }
}
