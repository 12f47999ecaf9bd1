package org.yaraguard.audit.spool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The folder of audit messages waiting for the repository, shared by the plugin (which sends them) and the other
 * processes of the host (the command line, which only drops messages in).
 *
 * <p>Format: a folder (mode 0700, owned by the server's user) holding one file per message, mode 0600, named
 * {@code MILLIS-PID-SEQ.xml} (see {@link SpoolFile}): the epoch milliseconds at which it was spooled (the syslog
 * TIMESTAMP), the id of the spooling process (the syslog PROCID), and that process's sequence number. The file's bytes
 * are exactly the audit message XML (UTF-8), nothing added. A file appears whole: it is written under a hidden
 * temporary name ({@code .*.tmp}, never sent) and renamed. The sender sends in name order (oldest first) and deletes
 * a file once it was handed to the repository. The folder is capped in bytes: a message that would take it over the
 * cap is refused (the newest is dropped, so that what is already waiting — the earlier, often the cause of later
 * events — is kept, and the count of drops tells how many are missing).
 */
public final class AuditSpool {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final long PID = ProcessHandle.current().pid();
    /** Seeded per class load, so a redeploy in the same process and millisecond never reuses a name. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() & 0xFFFF_FFFFL);
    private static final boolean ROOT = rootUid();

    private final Path dir;
    private final long maxBytes;

    /** The spool in {@code dir}, created 0700 when missing; holds at most {@code maxBytes} of messages. */
    public AuditSpool(Path dir, long maxBytes) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, FOLDER);
        }
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Spools one message if it fits beside {@code spooledBytes} already waiting; returns whether it was spooled.
     *
     * @throws IOException when the file could not be written (nothing is left behind)
     */
    public boolean write(byte[] xml, Instant at, long spooledBytes) throws IOException {
        if (spooledBytes + xml.length > maxBytes) {
            return false;
        }
        Path temp = Files.createTempFile(dir, ".", ".tmp", FILE);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(xml);
            }
            adoptFolderOwner(temp);
            Path target = dir.resolve(SpoolFile.name(at, PID, SEQUENCE.getAndIncrement()));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * For processes without a sender (the command line, run as root or as the server's user): spools one message for
     * the plugin to deliver, if the folder's cap allows. Written as root, the file gets the folder's owner, so the
     * plugin can read and delete it.
     */
    public static boolean drop(Path dir, long maxBytes, byte[] xml, Instant at) throws IOException {
        AuditSpool spool = new AuditSpool(dir, maxBytes);
        return spool.write(xml, at, spool.waiting().stream().mapToLong(SpoolFile::size).sum());
    }

    /** The messages waiting, oldest first. */
    public List<SpoolFile> waiting() throws IOException {
        List<SpoolFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                try {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        SpoolFile.of(entry, Files.size(entry)).ifPresent(files::add);
                    }
                } catch (NoSuchFileException e) {
                    // sent and deleted meanwhile
                }
            }
        }
        Collections.sort(files);
        return files;
    }

    /** The bytes of a spooled message (a symbolic link is never followed: it is not ours). */
    public byte[] read(SpoolFile file) throws IOException {
        if (!Files.isRegularFile(file.path(), LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.path().toString());
        }
        return Files.readAllBytes(file.path());
    }

    public void delete(SpoolFile file) throws IOException {
        Files.deleteIfExists(file.path());
    }

    /** As the engine's FolderOwner: what root writes into the server's folder gets that folder's owner and group. */
    private void adoptFolderOwner(Path file) throws IOException {
        if (!ROOT) {
            return;
        }
        PosixFileAttributes folder = Files.readAttributes(dir, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes own = view.readAttributes();
        if (!own.owner().equals(folder.owner())) {
            view.setOwner(folder.owner());
        }
        if (!own.group().equals(folder.group())) {
            view.setGroup(folder.group());
        }
    }

    private static boolean rootUid() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
