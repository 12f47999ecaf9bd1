package org.yaraguard.cli.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the smoke sample leaves traces on the archive host: its object in the quarantine
 * ({@code <quarantine>/<study>/<sha256>.dcm}), or its SHA-256 on a line of the findings log or of a rotated copy
 * beside it (monitor mode stores it and only records the verdict).
 */
final class SmokeTraces {

    private static final int QUARANTINE_DEPTH = 2;

    private SmokeTraces() {
    }

    /** The quarantined file named after one of {@code hashes}, if any. */
    static Optional<Path> inQuarantine(Path quarantine, Set<String> hashes) throws IOException {
        try (Stream<Path> files = Files.walk(quarantine, QUARANTINE_DEPTH)) {
            return files.filter(f -> hashes.contains(nameWithout(f, ".dcm"))).filter(Files::isRegularFile)
                    .findFirst();
        }
    }

    /** The findings log (or a rotated copy) whose lines name one of {@code hashes}, if any. */
    static Optional<Path> inFindings(Path findingsLog, Set<String> hashes) throws IOException {
        Path folder = findingsLog.toAbsolutePath().getParent();
        String name = findingsLog.getFileName().toString();
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith(name)).filter(Files::isRegularFile)
                    .toList();
        }
        for (Path log : logs) {
            // ISO-8859-1 reads any byte: a compressed rotation cannot fail the search, and a hash is plain ASCII
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (hashes.stream().anyMatch(text::contains)) {
                return Optional.of(log);
            }
        }
        return Optional.empty();
    }

    private static String nameWithout(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : "";
    }
}
