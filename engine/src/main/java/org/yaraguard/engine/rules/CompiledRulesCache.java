package org.yaraguard.engine.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.yaraguard.engine.spool.BufferRelease;

/**
 * Compiled rules the engine saved itself, so that an unchanged rules folder is not compiled again on every start.
 * One file per key ({@code <key>.yarc}, mode 0600) in a folder that only this user may change (0700, owned by the
 * user, never a symbolic link): libyara trusts compiled rules like code, so a folder others can write is refused and
 * every file carries a checksum of its contents, checked before libyara reads a byte. A missing, corrupt or foreign
 * file is simply a miss; the caller compiles and stores again.
 */
public final class CompiledRulesCache {

    private static final Logger LOG = System.getLogger(CompiledRulesCache.class.getName());

    private static final byte[] MAGIC = "YGRULES2".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + Long.BYTES;
    /** Far above any real rule set (5,000 rules save to ~11 MiB); a larger file is not read. */
    private static final long MAX_FILE_BYTES = 1L << 30;
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    /**
     * Compilations kept (one or two per folder state: all its rules, and those that also run over slices when they
     * are fewer); a write deletes the older ones beyond, so that a watched folder edited all day does not fill the
     * disk (~10 MiB per compilation of 5,000 rules).
     */
    static final int KEEP = 8;

    private final Path folder;

    private CompiledRulesCache(Path folder) {
        this.folder = folder;
    }

    /**
     * The cache in {@code folder}, created 0700 if missing; empty (with a warning) when the folder is not this
     * user's alone: a symbolic link, owned by someone else, or writable by group or others.
     */
    public static Optional<CompiledRulesCache> open(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(absolute.getParent());
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
            }
            PosixFileAttributes attributes = attributes(absolute);
            String refusal = !attributes.isDirectory() ? "not a folder (or a symbolic link)"
                    : !ownedByThisUser(absolute) ? "owned by another user"
                    : attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains) ? "writable by group or others"
                    : null;
            if (refusal != null) {
                LOG.log(Level.WARNING, () -> "YARA Guard does not use the compiled-rules cache " + absolute + ": "
                        + refusal + "; rules are compiled on every start");
                return Optional.empty();
            }
            return Optional.of(new CompiledRulesCache(absolute));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(Level.WARNING, () -> "YARA Guard cannot use the compiled-rules cache " + absolute + ": " + e
                    + "; rules are compiled on every start");
            return Optional.empty();
        }
    }

    /** The folder holding the files. */
    public Path folder() {
        return folder;
    }

    /**
     * The saved bytes for {@code key}, if a file for it exists, is private to this user and is intact: a mapped buffer
     * positioned after the header, which the caller may unmap with {@link BufferRelease#release} once read.
     */
    public Optional<ByteBuffer> read(String key) {
        Path file = file(key);
        try {
            PosixFileAttributes attributes = attributes(file);
            if (!attributes.isRegularFile() || !ownedByThisUser(file) || attributes.size() < HEADER
                    || attributes.size() > MAX_FILE_BYTES
                    || attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
                return miss(file, "not a private regular file of a plausible size");
            }
            ByteBuffer content;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                // Mapped, not read: fresh memory for a copy costs a page fault per 4 KiB (10 MiB: ~70 ms here, against
                // ~8 ms mapped), and libyara copies what it loads anyway. The file is never changed in place (a write
                // renames a new file over it) and only this user could, so the bytes checked are the bytes loaded.
                content = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(channel.size(), MAX_FILE_BYTES));
            }
            byte[] magic = new byte[MAGIC.length];
            byte[] stored = new byte[HEADER - MAGIC.length];
            if (content.remaining() >= HEADER) {
                content.get(magic).get(stored);
            }
            if (!Arrays.equals(magic, MAGIC)) {
                BufferRelease.release(content);
                return miss(file, "not a file of this cache");
            }
            if (!Arrays.equals(checksum(content.duplicate()), stored)) {
                BufferRelease.release(content);
                return miss(file, "its checksum does not match (corrupt)");
            }
            return Optional.of(content);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return miss(file, e.toString());
        }
    }

    /** Stores {@code saved} for {@code key}, atomically (readers see the old file or the new one, never a part). */
    public void write(String key, byte[] saved) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "write-", ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
            try (var out = Files.newOutputStream(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                out.write(MAGIC);
                out.write(checksum(ByteBuffer.wrap(saved)));
                out.write(saved);
            }
            Files.move(temporary, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            prune(file(key));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, () -> "YARA Guard could not store compiled rules in " + folder + ": " + e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, () -> "left behind " + e);
                }
            }
        }
    }

    /** Deletes the compiled rules beyond the {@link #KEEP} newest, never {@code written}. */
    private void prune(Path written) {
        try {
            List<Path> files;
            try (Stream<Path> listed = Files.list(folder)) {
                files = listed.filter(f -> f.getFileName().toString().endsWith(".yarc") && !f.equals(written)).toList();
            }
            if (files.size() < KEEP) {
                return;
            }
            Map<Path, FileTime> modified = new HashMap<>();
            for (Path file : files) {
                modified.put(file, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
            }
            List<Path> oldestFirst = files.stream().sorted(Comparator.comparing(modified::get)).toList();
            for (Path old : oldestFirst.subList(0, files.size() - (KEEP - 1))) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, () -> "YARA Guard could not delete older compiled rules in " + folder + ": " + e);
        }
    }

    /** Forgets {@code key}: for a file that read intact but libyara would not load. */
    public void remove(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "YARA Guard could not remove " + file(key) + ": " + e);
        }
    }

    private Path file(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a cache key is a SHA-256 in hex");
        }
        return folder.resolve(key + ".yarc");
    }

    /**
     * CRC-32C of the bytes and their length: it finds a truncated, torn or bit-flipped file, which is all it is for
     * (no one else can write the folder), and unlike SHA-256 it stays fast in the command line's C1-only JVM (10 MiB:
     * ~1.2 s of SHA-256 there).
     */
    private static byte[] checksum(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        int length = bytes.remaining();
        crc.update(bytes);
        return ByteBuffer.allocate(Long.BYTES).putInt((int) crc.getValue()).putInt(length).array();
    }

    private static Optional<ByteBuffer> miss(Path file, String why) {
        LOG.log(Level.INFO, () -> "YARA Guard ignores the compiled rules " + file + " (" + why + "); compiling again");
        return Optional.empty();
    }

    private static PosixFileAttributes attributes(Path path) throws IOException {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    /** The owner's uid against this process's: /proc/self belongs to the process's effective user (Linux). */
    private static boolean ownedByThisUser(Path path) throws IOException {
        Object mine = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return mine.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }
}
