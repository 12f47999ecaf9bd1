package org.yaraguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.ReviewTrail;

/**
 * The review side of the quarantine folder written by the hook: {@code <quarantine>/<study>/<sha256>.dcm} and
 * {@code <sha256>.json}. Only names that match the contract's patterns are read; symbolic links are ignored.
 */
final class QuarantineFolder {

    private static final Pattern STUDY_FOLDER = Pattern.compile("[0-9]+(\\.[0-9]+)*|unknown-study");
    private static final Pattern SIDECAR = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Quarantine sidecars;

    QuarantineFolder(Path root) {
        this.root = root;
        this.sidecars = new Quarantine(root);
    }

    /** The in-process lock of one entry: held while its sidecar is rewritten, deleted or released. */
    static Object lock(String id) {
        return LOCKS.computeIfAbsent(id, k -> new Object());
    }

    Path root() {
        return root;
    }

    /** Fails unless the quarantine folder exists and can be listed: a missing folder is not an empty quarantine. */
    void requireReadable() throws UnreadableQuarantineException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnreadableQuarantineException("the quarantine folder " + root + " does not exist (give the "
                    + "server's folder with --quarantine or in the configuration)");
        }
        if (!Files.isDirectory(root)) {
            throw new UnreadableQuarantineException("the quarantine folder " + root + " is not a folder");
        }
        try (DirectoryStream<Path> ignored = Files.newDirectoryStream(root)) {
            // listing it is the test
        } catch (IOException e) {
            throw new UnreadableQuarantineException(Unreadable.of(root, e).toString());
        }
    }

    /** Every entry whose sidecar is readable; study folders and sidecars that cannot be read go to {@code broken}. */
    List<ReviewEntry> entries(Consumer<Unreadable> broken) throws IOException {
        List<ReviewEntry> entries = new ArrayList<>();
        // The folder itself is the administrator's choice and may be a link (e.g. to a data volume), as the hook
        // follows it; links inside it are not followed.
        if (!Files.isDirectory(root)) {
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

    private void readStudy(Path study, List<ReviewEntry> entries, Consumer<Unreadable> broken) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(study)) {
            for (Path sidecar : files) {
                String name = sidecar.getFileName().toString();
                if (!SIDECAR.matcher(name).matches() || !Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path object = study.resolve(name.substring(0, 64) + ".dcm");
                try {
                    // read through NIO: a refused read then says permission denied, and whose the file is
                    JsonNode json = EntryJson.MAPPER.readTree(Files.readAllBytes(sidecar));
                    boolean present = Files.isRegularFile(object, LinkOption.NOFOLLOW_LINKS);
                    ReviewEntry entry = EntryJson.fromSidecar(json, present ? object : null, sidecar);
                    entries.add(withFileId(entry, name.substring(0, 64)));
                } catch (IOException e) {
                    broken.accept(Unreadable.of(sidecar, e));
                }
            }
        } catch (IOException e) {
            broken.accept(Unreadable.of(study, e));
        } catch (DirectoryIteratorException e) {
            broken.accept(Unreadable.of(study, e.getCause()));
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
     * Appends a review event to the sidecar's bounded trail and sets its status, keeping every other field as
     * written; under the lock the hook holds while it writes sidecars, and owned as the folder is.
     */
    void record(ReviewEntry entry, ObjectNode event, String status) throws IOException {
        synchronized (lock(entry.id())) {
            sidecars.update(entry.sidecarFile(), json -> {
                ReviewTrail.append(json, event);
                if (status != null) {
                    json.put("status", status);
                }
            });
        }
    }

    /** Deletes the object, then the sidecar; returns whether anything was there. */
    boolean delete(ReviewEntry entry) throws IOException {
        synchronized (lock(entry.id())) {
            Path folder = entry.sidecarFile().getParent();
            return sidecars.remove(new QuarantineEntry(entry.id(), folder.resolve(entry.id() + ".dcm"),
                    entry.sidecarFile()));
        }
    }
}
