package org.yaraguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.yaraguard.rules.samples.Corpus;
import org.yaraguard.rules.samples.SampleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yara-guard samples DIR}: writes harmless sample objects (needs DCMTK) to try the scanner on. */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Writes sample DICOM objects made with DCMTK: clean ones and harmless polyglots with fake "
                + "executable headers. With --count, a benchmark corpus instead.")
final class SamplesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path folder;

    @Option(names = "--count", paramLabel = "N", description = "Write a benchmark corpus of N objects.")
    Integer count;

    @Option(names = "--bytes", paramLabel = "BYTES", description = "Approximate size of each corpus object.")
    long bytes = 512 * 1024;

    @Option(names = "--infected", paramLabel = "SHARE", description = "Share of infected corpus objects (0..1).")
    double infected = 0.1;

    @Option(names = "--seed", description = "Seed of the corpus generator.")
    long seed = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Files.createDirectories(folder);
            if (count == null) {
                List<Path> written = SampleSet.writeDemo(folder);
                out.println("wrote " + written.size() + " sample objects to " + folder);
            } else {
                Corpus corpus = SampleSet.writeCorpus(folder, count, bytes, infected, seed);
                out.printf("wrote %d objects (%d infected, %.1f MiB) to %s%n", corpus.files().size(),
                        corpus.infected().size(), corpus.bytes() / 1048576.0, folder);
            }
            return YaraGuard.OK;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return YaraGuard.FAILED;
        }
    }
}
