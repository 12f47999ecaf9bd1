package org.yaraguard.engine.spool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Takes an incoming object off its stream: small objects into a direct buffer, large ones into a spool file that
 * is then mapped, so that the scanner reads memory in place and the archive can re-read the same bytes.
 */
public final class Spool {

    private static final int CHUNK = 64 * 1024;

    private final Path folder;
    private final long memoryThreshold;

    /** @param memoryThreshold objects up to this many bytes stay in memory, larger ones go to a file in {@code folder} */
    public Spool(Path folder, long memoryThreshold) {
        if (memoryThreshold < 0 || memoryThreshold > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("memory threshold out of range: " + memoryThreshold);
        }
        this.folder = folder;
        this.memoryThreshold = memoryThreshold;
    }

    /** Reads {@code in} to its end. A failure (e.g. a full disk) leaves no spool file behind. */
    public SpooledObject spool(InputStream in) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        Bytes head = new Bytes();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            sha256.update(chunk, 0, n);
            if (head.size() + n > memoryThreshold) {
                return spoolToFile(head, chunk, n, in, sha256);
            }
            head.write(chunk, 0, n);
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(head.size());
        direct.put(head.array(), 0, head.size()).flip();
        return SpooledObject.inMemory(direct, Sha256.hex(sha256));
    }

    private SpooledObject spoolToFile(Bytes head, byte[] chunk, int pending, InputStream in, MessageDigest sha256)
            throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "spool-", ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                out.on(false);
                out.write(head.array(), 0, head.size());
                out.write(chunk, 0, pending);
                out.on(true);
                in.transferTo(out);
            }
            return SpooledObject.spoolFile(file, Sha256.hex(sha256));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A growable byte array that exposes its backing array, to avoid a copy on the way to the direct buffer. */
    private static final class Bytes extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}
