package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
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
        try (Stream<Path> files = Files.walk(ItEnvironment.quarantineFolder())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".dcm"))
                    .map(n -> n.substring(0, n.length() - ".dcm".length())).collect(Collectors.toSet());
        }
    }

    /** The ids that have a sidecar. */
    static Set<String> sidecarIds() throws IOException {
        try (Stream<Path> files = Files.walk(ItEnvironment.quarantineFolder())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toSet());
        }
    }
}
