package org.yaraguard.rules.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SampleSet#writeCorpus} wrote.
 *
 * @param files    every file written, in order
 * @param infected the subset carrying a fake (expected to reach at least "tag")
 * @param bytes    total size of the files
 */
public record Corpus(List<Path> files, List<Path> infected, long bytes) {

    public Corpus {
        files = List.copyOf(files);
        infected = List.copyOf(infected);
    }
}
