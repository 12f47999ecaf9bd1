package org.yaraguard.engine.quarantine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader sees either the old content or the whole new content, never a part: a temp file in
 * the same folder (owner read/write only, owned as the folder is), fsync, rename over the target, fsync of the
 * folder.
 */
public final class AtomicFiles {

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(FILE_MODE);

    private AtomicFiles() {
    }

    /** What goes into a file: written to the channel in one call. */
    @FunctionalInterface
    interface Content {
        void writeTo(FileChannel out) throws IOException;
    }

    /** Replaces {@code target} with {@code content}[position, limit); the buffer's position is left unchanged. */
    public static void write(Path target, ByteBuffer content) throws IOException {
        write(target, out -> {
            ByteBuffer src = content.duplicate();
            while (src.hasRemaining()) {
                out.write(src);
            }
        });
    }

    /** Replaces {@code target} with what {@code content} writes. */
    static void write(Path target, Content content) throws IOException {
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, ".partial-", ".tmp", FILE_ATTRIBUTE);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
                out.force(true);
            }
            // createTempFile's mode is filtered by the umask only towards fewer rights; set it exactly anyway.
            Files.setPosixFilePermissions(temp, FILE_MODE);
            FolderOwner.adopt(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncFolder(folder);
    }

    /** Creates {@code folder} (owner only) if missing; an existing folder keeps the mode its administrator chose. */
    public static void ensureFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (parent != null) {
            ensureFolder(parent);
        }
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
            Files.setPosixFilePermissions(folder, FOLDER_MODE);
            FolderOwner.adopt(folder);
            if (parent != null) {
                syncFolder(parent);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }

    /** Makes a rename or a new entry in {@code folder} durable. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
