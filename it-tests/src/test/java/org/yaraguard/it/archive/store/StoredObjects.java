package org.yaraguard.it.archive.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** The object file stored last for an instance, found through the store records; none once it is rejected. */
    public static Optional<Path> latest(String study, String series, String sop) throws IOException {
        StandInStorage storage = new StandInStorage();
        Path folder = storage.folder();
        if (!Files.isDirectory(folder) || StandInRejections.all().containsKey(sop)) {
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

    /**
     * The instances the archive's default query view shows: stored (the file is there), not rejected, the latest
     * store of each SOP Instance UID, ordered by study, series and SOP Instance UID.
     */
    public static List<StandInInstance> visible() throws IOException {
        StandInStorage storage = new StandInStorage();
        Path folder = storage.folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Map<String, String> rejected = StandInRejections.all();
        Map<String, StandInInstance> latest = new TreeMap<>();
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path recordFile : files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().equals("rejections.json")).toList()) {
                JsonObject r = read(recordFile);
                String sop = r.getString("sopInstanceUid", "");
                Path file = r.getBoolean("stored", false) ? storage.storedFile(r.getString("id")) : null;
                if (file == null || !Files.isRegularFile(file) || rejected.containsKey(sop)) {
                    continue;
                }
                FileTime time = modified(file);
                if (times.containsKey(sop) && times.get(sop).compareTo(time) >= 0) {
                    continue;
                }
                Map<Integer, String> attributes = new TreeMap<>();
                r.getJsonArray("persisted").forEach(e -> {
                    JsonObject element = e.asJsonObject();
                    attributes.put(Integer.parseUnsignedInt(element.getString("tag"), 16), element.getString("value"));
                });
                times.put(sop, time);
                latest.put(sop, new StandInInstance(r.getString("studyInstanceUid"), r.getString("seriesInstanceUid"),
                        sop, attributes, file));
            }
        }
        List<StandInInstance> ordered = new ArrayList<>(latest.values());
        ordered.sort(Comparator.comparing(StandInInstance::studyInstanceUid)
                .thenComparing(StandInInstance::seriesInstanceUid).thenComparing(StandInInstance::sopInstanceUid));
        return ordered;
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
