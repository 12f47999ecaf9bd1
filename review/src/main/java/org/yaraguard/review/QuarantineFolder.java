package org.yaraguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The review side of the quarantine folder written by the hook: {@code <quarantine>/<study>/<sha256>.dcm} and
 * {@code <sha256>.json}. Only names that match the contract's patterns are read; symbolic links are ignored.
 */
final class QuarantineFolder {

    private static final Pattern STUDY_FOLDER = Pattern.compile("[0-9]+(\\.[0-9]+)*|unknown-study");
    private static final Pattern SIDECAR = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    QuarantineFolder(Path root) {
        this.root = root;
    }

    /** The in-process lock of one entry: held while its sidecar is rewritten, deleted or released. */
    static Object lock(String id) {
        return LOCKS.computeIfAbsent(id, k -> new Object());
    }

    Path root() {
        return root;
    }

    /** Every entry whose sidecar is readable; unreadable sidecars are reported to {@code broken}. */
    List<ReviewEntry> entries(Consumer<Path> broken) throws IOException {
        List<ReviewEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (DirectoryStream<Path> studies = Files.newDirectoryStream(root)) {
            for (Path study : studies) {
                if (STUDY_FOLDER.matcher(study.getFileName().toString()).matches()
                        && Files.isDirectory(study, LinkOption.NOFOLLOW_LINKS)) {
                    readStudy(study, entries, broken);
                }
            }
        }
        return entries;
    }

    private void readStudy(Path study, List<ReviewEntry> entries, Consumer<Path> broken) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(study)) {
            for (Path sidecar : files) {
                String name = sidecar.getFileName().toString();
                if (!SIDECAR.matcher(name).matches() || !Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path object = study.resolve(name.substring(0, 64) + ".dcm");
                try {
                    JsonNode json = EntryJson.MAPPER.readTree(sidecar.toFile());
                    boolean present = Files.isRegularFile(object, LinkOption.NOFOLLOW_LINKS);
                    ReviewEntry entry = EntryJson.fromSidecar(json, present ? object : null, sidecar);
                    entries.add(withFileId(entry, name.substring(0, 64)));
                } catch (IOException e) {
                    broken.accept(sidecar);
                }
            }
        }
    }

    /** The file name is authoritative for the id: it is what every path is built from. */
    private static ReviewEntry withFileId(ReviewEntry e, String id) {
        return new ReviewEntry(id, e.receivedAt(), e.source(), e.callingAet(), e.calledAet(), e.remoteHost(),
                e.mode(), e.action(), e.status(), e.rulesetId(), e.bytes(), e.part10(), e.trouble(),
                e.transferSyntax(), e.attributes(), e.matches(), e.anomalies(), e.review(), e.objectFile(),
                e.sidecarFile());
    }

    /**
     * Appends a review event to the sidecar and sets its status, keeping every other field as written.
     * Rewritten atomically; concurrent updates of one sidecar within this JVM are serialised.
     */
    void record(ReviewEntry entry, ObjectNode event, String status) throws IOException {
        synchronized (lock(entry.id())) {
            ObjectNode json = (ObjectNode) EntryJson.MAPPER.readTree(entry.sidecarFile().toFile());
            JsonNode review = json.get("review");
            ArrayNode list = review instanceof ArrayNode array ? array : json.putArray("review");
            list.add(event);
            if (status != null) {
                json.put("status", status);
            }
            writeAtomically(entry.sidecarFile(), EntryJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(json));
        }
    }

    /** Deletes the object, then the sidecar; returns whether anything was there. */
    boolean delete(ReviewEntry entry) throws IOException {
        synchronized (lock(entry.id())) {
            Path folder = entry.sidecarFile().getParent();
            boolean object = Files.deleteIfExists(folder.resolve(entry.id() + ".dcm"));
            boolean sidecar = Files.deleteIfExists(entry.sidecarFile());
            syncFolder(folder);
            return object || sidecar;
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, ".review-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for sync; the rename itself is still atomic
        }
    }
}
