package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One record the stand-in archive wrote for a store: which entry point, what it stored, and the attributes the
 * coercion consumer added (our private attributes show up there).
 */
record ArchiveRecord(String id, String entry, String callingAet, String sopInstanceUid, String sha256,
                     List<AddedAttribute> added) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An attribute the consumer added or changed; {@code creator} is its private creator, or null. */
    record AddedAttribute(String tag, String vr, String value, String creator) {}

    static ArchiveRecord read(String id) throws IOException {
        return parse(ItEnvironment.archiveFolder().resolve(id + ".json"));
    }

    /** The bytes the stand-in archive stored for this record. */
    byte[] storedBytes() throws IOException {
        return Files.readAllBytes(ItEnvironment.archiveFolder().resolve(id + ".dcm"));
    }

    List<AddedAttribute> privateAttributes() {
        return added.stream().filter(a -> a.creator() != null).toList();
    }

    static List<ArchiveRecord> all() throws IOException {
        try (Stream<Path> files = Files.list(ItEnvironment.archiveFolder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).map(f -> {
                try {
                    return parse(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static ArchiveRecord parse(Path file) throws IOException {
        JsonNode json = JSON.readTree(file.toFile());
        List<AddedAttribute> added = new ArrayList<>();
        json.path("added").forEach(a -> added.add(new AddedAttribute(a.path("tag").asText(),
                a.path("vr").asText(), a.path("value").asText(), a.path("creator").asText(null))));
        return new ArchiveRecord(json.path("id").asText(), json.path("entry").asText(),
                json.path("callingAet").asText(), json.path("sopInstanceUid").asText(),
                json.path("sha256").asText(null), added);
    }
}
