package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the quarantine folder the plugin writes: {@code <study>/<sha256>.dcm} and its {@code .json} sidecar. */
final class QuarantineFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QuarantineFolder() {
    }

    static Path object(String studyUid, String sha256) {
        return ItEnvironment.quarantineFolder().resolve(studyUid).resolve(sha256 + ".dcm");
    }

    static Path sidecarFile(String studyUid, String sha256) {
        return ItEnvironment.quarantineFolder().resolve(studyUid).resolve(sha256 + ".json");
    }

    static JsonNode sidecar(String studyUid, String sha256) throws IOException {
        return JSON.readTree(sidecarFile(studyUid, sha256).toFile());
    }

    /** The ids (SHA-256) of every quarantined object, whatever its study folder. */
    static Set<String> ids() throws IOException {
        return idsOf(".dcm");
    }

    /** The ids that have a sidecar. */
    static Set<String> sidecarIds() throws IOException {
        return idsOf(".json");
    }

    /**
     * The names ending in {@code suffix} in the study folders, without it. Names are listed, never looked at one by
     * one: the plugin replaces its status files through short-lived hidden temp files, which a walk that reads each
     * file's attributes can find gone.
     */
    private static Set<String> idsOf(String suffix) throws IOException {
        Set<String> ids = new java.util.HashSet<>();
        try (Stream<Path> top = Files.list(ItEnvironment.quarantineFolder())) {
            for (Path study : top.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                if (!Files.isDirectory(study)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(study)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
                            .map(n -> n.substring(0, n.length() - suffix.length())).forEach(ids::add);
                }
            }
        }
        return ids;
    }
}
