package org.yaraguard.it.archive.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Test code: the stand-in archive's stored object files, for its web entry points. */
public final class StoredObjects {

    private StoredObjects() {
    }

    /** Puts an object on the storage where an import will find it; returns its storage path. */
    public static String placeForImport(byte[] file) throws IOException {
        return new StandInStorage().place(file);
    }

    /** The object file stored last for an instance, found through the store records. */
    public static Optional<Path> latest(String study, String series, String sop) throws IOException {
        StandInStorage storage = new StandInStorage();
        Path folder = storage.folder();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .map(StoredObjects::read)
                    .filter(r -> r.getBoolean("stored", false) && sop.equals(r.getString("sopInstanceUid"))
                            && study.equals(r.getString("studyInstanceUid"))
                            && series.equals(r.getString("seriesInstanceUid", "")))
                    .map(r -> storage.storedFile(r.getString("id")))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing(StoredObjects::modified));
        }
    }

    private static JsonObject read(Path record) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(record))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
