package org.yaraguard.engine.findings;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * When and how the findings log rotates: once a line would take it past {@code maxBytes} (0 = never, for an external
 * logrotate), its lines move to {@code FILE.1}, older ones shift up to {@code FILE.keep}, and the oldest beyond is
 * deleted.
 */
public record FindingsRotation(long maxBytes, int keep) {

    public static final String MAX_BYTES = "yara-guard.findings.max.bytes";
    public static final String KEEP = "yara-guard.findings.keep";
    public static final FindingsRotation DEFAULT = new FindingsRotation(50L * 1024 * 1024, 10);

    private static final Logger LOG = System.getLogger(FindingsRotation.class.getName());

    /** Checks the values. */
    public FindingsRotation {
        if (maxBytes < 0) {
            throw new IllegalArgumentException(MAX_BYTES + " cannot be negative");
        }
        if (keep < 1) {
            throw new IllegalArgumentException(KEEP + " must be at least 1");
        }
    }

    /** The rotation of these setting values (null or blank → the default). */
    public static FindingsRotation parse(String maxBytes, String keep) {
        try {
            return new FindingsRotation(blank(maxBytes) ? DEFAULT.maxBytes : Long.parseLong(maxBytes.strip()),
                    blank(keep) ? DEFAULT.keep : Integer.parseInt(keep.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_BYTES + " and " + KEEP + " must be whole numbers", e);
        }
    }

    /** The rotation of the settings looked up by name. */
    public static FindingsRotation from(Function<String, String> lookup) {
        return parse(lookup.apply(MAX_BYTES), lookup.apply(KEEP));
    }

    /**
     * The rotation of the system properties; a bad value is logged and the default used, because a findings log
     * that cannot rotate must still record (the configuration check names the value before the server starts).
     */
    public static FindingsRotation fromSystemProperties() {
        try {
            return from(System::getProperty);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "YARA Guard findings log rotation: {0}; using {1} bytes and {2} files",
                    e.getMessage(), DEFAULT.maxBytes, DEFAULT.keep);
            return DEFAULT;
        }
    }

    /** The n-th rotated file of {@code log}: {@code log.n}, 1 the newest. */
    public static Path rotated(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }

    /** Whether a line of {@code lineBytes} makes a log of {@code size} bytes rotate first (never an empty one). */
    boolean due(long size, int lineBytes) {
        return maxBytes > 0 && size > 0 && size + lineBytes > maxBytes;
    }

    /**
     * Copies the log's lines to {@code log.1} and empties it, under the lock every writer holds. The live file is
     * never renamed: it keeps its inode, owner and mode, so a writer of another process waiting for its lock still
     * writes to the log. The reading channel stays open until the log is emptied: closing a descriptor of the file
     * drops this process's lock on it (POSIX), and appends after that are whole lines anyway.
     */
    void rotate(Path log, FileChannel writer) throws IOException {
        Files.deleteIfExists(rotated(log, keep));
        for (int n = keep - 1; n >= 1; n--) {
            Path older = rotated(log, n);
            if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(older, rotated(log, n + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path copy = log.resolveSibling(log.getFileName() + ".rotating");
        Files.deleteIfExists(copy);
        try (FileChannel reader = FileChannel.open(log, StandardOpenOption.READ)) {
            try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long size = reader.size();
                for (long done = 0; done < size; ) {
                    done += reader.transferTo(done, size - done, out);
                }
                out.force(false);
            }
            Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(log));
            keepOwner(log, copy);
            Files.move(copy, rotated(log, 1), StandardCopyOption.ATOMIC_MOVE);
            writer.truncate(0);
        }
    }

    /** A rotation done by root (the command line) leaves the copy to the log's owner, who must read it. */
    private static void keepOwner(Path log, Path copy) {
        try {
            Files.setOwner(copy, Files.getOwner(log));
        } catch (IOException | UnsupportedOperationException e) {
            // Not root: the copy is already ours, as the log is.
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
