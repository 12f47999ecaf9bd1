package org.yaraguard.it.archive.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test code standing in for the archive's RejectedInstance table: which instances were rejected, with which code
 * (one JSON file in the stand-in's storage folder). As in the archive, a rejected instance keeps its object file
 * (revoke-rejection would restore it); only query and retrieve stop showing it.
 */
public final class StandInRejections {

    private static final String FILE = "rejections.json";

    private StandInRejections() {
    }

    /** SOP Instance UID → the code it was rejected with ("113037^DCM"). */
    public static synchronized Map<String, String> all() throws IOException {
        Path file = new StandInStorage().folder().resolve(FILE);
        Map<String, String> rejected = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return rejected;
        }
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            JsonObject json = reader.readObject();
            json.forEach((sop, code) -> rejected.put(sop, ((jakarta.json.JsonString) code).getString()));
        }
        return rejected;
    }

    /** Records the rejection of an instance. */
    public static synchronized void reject(String sop, String code) throws IOException {
        Map<String, String> rejected = all();
        rejected.put(sop, code);
        JsonObjectBuilder json = Json.createObjectBuilder();
        rejected.forEach(json::add);
        StringWriter text = new StringWriter();
        Json.createWriter(text).write(json.build());
        Path folder = new StandInStorage().folder();
        Files.createDirectories(folder);
        Path temp = folder.resolve(FILE + ".part");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
