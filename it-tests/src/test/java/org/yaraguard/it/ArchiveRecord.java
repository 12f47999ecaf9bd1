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
 * One record the stand-in archive wrote for a store: which entry point, the SHA-256 of the bytes it was handed, the
 * attributes the coercion consumer added (seen only by the rest of that store) and the attributes its database
 * kept (the configured filter). What it stored is served by its WADO-RS metadata ({@link ArchiveClient#metadata}).
 */
record ArchiveRecord(String id, String entry, String callingAet, String studyInstanceUid, String seriesInstanceUid,
                     String sopInstanceUid, String receivedSha256, List<AddedAttribute> added,
                     List<AddedAttribute> persisted) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An attribute the consumer added or changed; {@code creator} is its private creator, or null. */
    record AddedAttribute(String tag, String vr, String value, String creator) {}

    static ArchiveRecord read(String id) throws IOException {
        return parse(ItEnvironment.archiveFolder().resolve(id + ".json"));
    }

    /** The bytes the stand-in archive was handed (after the hook), kept by the stand-in as test instrumentation. */
    byte[] receivedBytes() throws IOException {
        return Files.readAllBytes(ItEnvironment.archiveFolder().resolve(id + ".received"));
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
        return new ArchiveRecord(json.path("id").asText(), json.path("entry").asText(),
                json.path("callingAet").asText(), json.path("studyInstanceUid").asText(),
                json.path("seriesInstanceUid").asText(), json.path("sopInstanceUid").asText(),
                json.path("receivedSha256").asText(null), attributes(json.path("added")),
                attributes(json.path("persisted")));
    }

    private static List<AddedAttribute> attributes(JsonNode list) {
        List<AddedAttribute> attributes = new ArrayList<>();
        list.forEach(a -> attributes.add(new AddedAttribute(a.path("tag").asText(), a.path("vr").asText(),
                a.path("value").asText(), a.path("creator").asText(null))));
        return attributes;
    }
}
