package org.yaraguard.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntSummary;

/**
 * The archive's file of an object a hunt found in a storage folder, when this host can read it. The location in the
 * report is resolved under one of the hunt's storage roots and must stay inside it, links resolved: a report can
 * never make the console read a file outside the storage the hunt walked.
 */
final class StoredFile {

    static final String STORAGE_SOURCE = "storage:";

    private StoredFile() {
    }

    static Optional<Path> of(HuntSummary summary, HuntHit hit) {
        if (!HuntHit.STORAGE.equals(hit.source()) || hit.location() == null) {
            return Optional.empty();
        }
        // One source may name several roots ("storage:/fs1, storage:/fs2"); every one is tried.
        for (String source : summary.sources().stream().flatMap(s -> Arrays.stream(s.split(", (?=storage:)")))
                .toList()) {
            if (source.startsWith(STORAGE_SOURCE)) {
                Optional<Path> file = inside(source.substring(STORAGE_SOURCE.length()), hit.location());
                if (file.isPresent()) {
                    return file;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code location} under {@code root} when it is a regular file there, links resolved; else empty. */
    static Optional<Path> inside(String root, String location) {
        try {
            Path base = Path.of(root);
            if (!base.isAbsolute()) {
                return Optional.empty(); // relative to wherever the hunt ran: not knowable here
            }
            Path realRoot = base.toRealPath();
            Path candidate = realRoot.resolve(location).normalize();
            if (!candidate.startsWith(realRoot)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
