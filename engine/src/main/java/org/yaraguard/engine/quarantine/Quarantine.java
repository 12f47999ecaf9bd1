package org.yaraguard.engine.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.yaraguard.engine.spool.SpooledObject;

/**
 * The quarantine folder: {@code <folder>/<study>/<sha256>.dcm} (the object exactly as received) and
 * {@code <sha256>.json} (its {@link Sidecar}). Names come only from a validated Study Instance UID or the hash, so
 * nothing an object says can steer a path. Files are owner read/write only, folders owner only, never executable;
 * what root writes here is given to the quarantine folder's owner ({@link FolderOwner}). Sidecars are read and
 * replaced under a lock the hook and the review both hold ({@link SidecarLock}).
 */
public final class Quarantine {

    /** The study folder for objects whose Study Instance UID is missing or not a plain UID. */
    public static final String UNKNOWN_STUDY = "unknown-study";
    public static final String OBJECT_SUFFIX = ".dcm";
    public static final String SIDECAR_SUFFIX = ".json";

    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_UID_LENGTH = 64;
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public Quarantine(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The quarantine folder, absolute. */
    public Path folder() {
        return folder;
    }

    /** The study folder name for a Study Instance UID: the UID itself when it is a plain UID, else unknown-study. */
    public static String studyFolderName(String studyInstanceUid) {
        if (studyInstanceUid == null || studyInstanceUid.length() > MAX_UID_LENGTH
                || !UID.matcher(studyInstanceUid).matches()) {
            return UNKNOWN_STUDY;
        }
        return studyInstanceUid;
    }

    /** Whether {@code id} is a full entry id (64 lowercase hex digits). */
    public static boolean isEntryId(String id) {
        return id != null && SHA256.matcher(id).matches();
    }

    /**
     * Keeps {@code object} (its bytes [position, limit)) and its sidecar, object first, so a sidecar never points to
     * a missing object. The same object received again keeps its file and gets the new sidecar, with the review
     * trail of the earlier one carried over.
     *
     * @throws IllegalArgumentException when the sidecar's id is not a SHA-256 or differs from its sha256 field
     */
    public QuarantineEntry put(ByteBuffer object, Sidecar sidecar) throws IOException {
        return put(object.remaining(), out -> {
            ByteBuffer src = object.duplicate();
            while (src.hasRemaining()) {
                out.write(src);
            }
        }, sidecar);
    }

    /**
     * Keeps a spooled object as {@link #put(ByteBuffer, Sidecar)} does, copying it without mapping it: an object too
     * large for one buffer is kept all the same.
     */
    public QuarantineEntry put(SpooledObject object, Sidecar sidecar) throws IOException {
        return put(object.size(), object::writeTo, sidecar);
    }

    private QuarantineEntry put(long size, AtomicFiles.Content content, Sidecar sidecar) throws IOException {
        String id = sidecar.id();
        if (!isEntryId(id) || !id.equals(sidecar.sha256())) {
            throw new IllegalArgumentException("sidecar id must be the object's lowercase hex SHA-256");
        }
        Path study = folder.resolve(studyFolderName(sidecar.attributes().studyInstanceUid()));
        AtomicFiles.ensureFolder(study);
        QuarantineEntry entry = new QuarantineEntry(id, study.resolve(id + OBJECT_SUFFIX),
                study.resolve(id + SIDECAR_SUFFIX));
        if (!Files.isRegularFile(entry.object()) || Files.size(entry.object()) != size) {
            AtomicFiles.write(entry.object(), content);
        }
        SidecarLock.holding(folder, () -> {
            ObjectNode fresh = JSON.valueToTree(sidecar);
            ObjectNode earlier = earlier(entry.sidecar());
            if (earlier != null) {
                ReviewTrail.carryOver(earlier, fresh);
            }
            write(entry.sidecar(), fresh);
            return null;
        });
        return entry;
    }

    /**
     * Reads, changes and replaces one sidecar of this quarantine, holding the lock the hook holds while it writes
     * sidecars (review actions: status, trail), so neither loses the other's update.
     */
    public void update(Path sidecarFile, Consumer<ObjectNode> change) throws IOException {
        SidecarLock.holding(folder, () -> {
            ObjectNode json = (ObjectNode) JSON.readTree(sidecarFile.toFile());
            change.accept(json);
            write(sidecarFile, json);
            return null;
        });
    }

    /** Deletes an entry's object, then its sidecar, under the sidecar lock; returns whether anything was there. */
    public boolean remove(QuarantineEntry entry) throws IOException {
        return SidecarLock.holding(folder, () -> {
            boolean object = Files.deleteIfExists(entry.object());
            boolean sidecar = Files.deleteIfExists(entry.sidecar());
            AtomicFiles.syncFolder(entry.sidecar().getParent());
            return object || sidecar;
        });
    }

    private static void write(Path sidecarFile, ObjectNode json) throws IOException {
        AtomicFiles.write(sidecarFile, ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json)));
    }

    /** Reads a sidecar written by {@link #put}. */
    public static Sidecar readSidecar(Path sidecarFile) throws IOException {
        return JSON.readValue(sidecarFile.toFile(), Sidecar.class);
    }

    private static ObjectNode earlier(Path sidecarFile) {
        if (!Files.isRegularFile(sidecarFile)) {
            return null;
        }
        try {
            return JSON.readTree(sidecarFile.toFile()) instanceof ObjectNode json ? json : null;
        } catch (IOException e) {
            // An unreadable earlier sidecar must not stop the new one from being written: the new one is the record.
            return null;
        }
    }
}
