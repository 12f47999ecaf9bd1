package org.yaraguard.engine.spool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Takes an incoming object off its stream: small objects into a direct buffer, large ones into a spool file that
 * is then mapped, so that the scanner reads memory in place and the archive can re-read the same bytes. Reading
 * stops once an object goes past the size limit: no more than the limit is ever held or written to disk, and the
 * object comes back not {@link SpooledObject#complete() complete}, with the rest left on its stream.
 */
public final class Spool {

    private static final int CHUNK = 64 * 1024;

    private final Path folder;
    private final long memoryThreshold;
    private final long maxObjectBytes;

    /** A spool without a size limit (objects on the command line are files already). */
    public Spool(Path folder, long memoryThreshold) {
        this(folder, memoryThreshold, Long.MAX_VALUE);
    }

    /**
     * @param memoryThreshold objects up to this many bytes stay in memory, larger ones go to a file in {@code folder}
     * @param maxObjectBytes  objects larger than this are not read to their end
     */
    public Spool(Path folder, long memoryThreshold, long maxObjectBytes) {
        if (memoryThreshold < 0 || memoryThreshold > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("memory threshold out of range: " + memoryThreshold);
        }
        if (maxObjectBytes < 0) {
            throw new IllegalArgumentException("max object bytes must not be negative: " + maxObjectBytes);
        }
        this.folder = folder;
        this.memoryThreshold = memoryThreshold;
        this.maxObjectBytes = maxObjectBytes;
    }

    /** Reads {@code in} to its end or past the size limit. A failure (e.g. a full disk) leaves no spool file behind. */
    public SpooledObject spool(InputStream in) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        Bytes head = new Bytes();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (head.size() + n > maxObjectBytes) {
                return SpooledObject.oversized(direct(head), null, head.size() + n, rest(chunk, n, in));
            }
            sha256.update(chunk, 0, n);
            if (head.size() + n > memoryThreshold) {
                return spoolToFile(head, chunk, n, in, sha256);
            }
            head.write(chunk, 0, n);
        }
        return SpooledObject.inMemory(direct(head), Sha256.hex(sha256));
    }

    private SpooledObject spoolToFile(Bytes head, byte[] chunk, int pending, InputStream in, MessageDigest sha256)
            throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "spool-", ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            long written = head.size() + pending;
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head.array(), 0, head.size());
                out.write(chunk, 0, pending);
                int n;
                while ((n = in.read(chunk)) != -1) {
                    if (written + n > maxObjectBytes) {
                        out.close();
                        return SpooledObject.oversized(null, file, written + n, rest(chunk, n, in));
                    }
                    sha256.update(chunk, 0, n);
                    out.write(chunk, 0, n);
                    written += n;
                }
            }
            return SpooledObject.spoolFile(file, Sha256.hex(sha256));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static ByteBuffer direct(Bytes head) {
        ByteBuffer direct = ByteBuffer.allocateDirect(head.size());
        direct.put(head.array(), 0, head.size()).flip();
        return direct;
    }

    /** The chunk that went past the limit, then whatever the sender has not sent yet. */
    private static InputStream rest(byte[] chunk, int n, InputStream in) {
        return new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(chunk, n)), in);
    }

    /** A growable byte array that exposes its backing array, to avoid a copy on the way to the direct buffer. */
    private static final class Bytes extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}
