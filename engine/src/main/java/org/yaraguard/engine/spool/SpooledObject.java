package org.yaraguard.engine.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * One object's bytes, held where the scanner can read them in place: a direct buffer, or a file mapped on first
 * use. The same bytes can be streamed again (to the archive) or copied (to the quarantine). Closing frees the
 * memory or mapping at once, so no buffer obtained from {@link #bytes()} may be used after {@link #close()}.
 */
public final class SpooledObject implements AutoCloseable {

    private final ByteBuffer memory;
    private final Runnable releaseMemory;
    private final Path file;
    private final boolean ownsFile;
    private final long size;
    /** Larger files are never mapped: their bytes are refused and their hash is computed by reading. */
    private final long mapLimit;
    private volatile String sha256;
    private MappedByteBuffer mapped;
    private boolean closed;

    private SpooledObject(ByteBuffer memory, Runnable releaseMemory, Path file, boolean ownsFile, long size,
                          String sha256) {
        this(memory, releaseMemory, file, ownsFile, size, Integer.MAX_VALUE, sha256);
    }

    private SpooledObject(ByteBuffer memory, Runnable releaseMemory, Path file, boolean ownsFile, long size,
                          long mapLimit, String sha256) {
        this.memory = memory == null ? null : memory.asReadOnlyBuffer();
        this.releaseMemory = releaseMemory;
        this.file = file;
        this.ownsFile = ownsFile;
        this.size = size;
        this.mapLimit = mapLimit;
        this.sha256 = sha256;
    }

    static SpooledObject inMemory(ByteBuffer direct, String sha256) {
        return new SpooledObject(direct, () -> BufferRelease.release(direct), null, false, direct.remaining(), sha256);
    }

    /** Bytes in a buffer lent by its owner, who gets it back through {@code giveBack} on close (nothing is freed). */
    static SpooledObject borrowing(ByteBuffer direct, Runnable giveBack) {
        return new SpooledObject(direct, giveBack, null, false, direct.remaining(), null);
    }

    static SpooledObject spoolFile(Path file, String sha256) throws IOException {
        return new SpooledObject(null, null, file, true, Files.size(file), sha256);
    }

    /** An existing file, scanned where it lies; closing it never deletes the file. */
    public static SpooledObject open(Path file) throws IOException {
        return new SpooledObject(null, null, file, false, Files.size(file), null);
    }

    /** An existing file larger than {@code limit}, which may change: never mapped, its bytes refused. */
    static SpooledObject unread(Path file, long limit) throws IOException {
        return new SpooledObject(null, null, file, false, Files.size(file), Math.min(limit, Integer.MAX_VALUE), null);
    }

    /** The object's bytes, read-only, position 0; a file is mapped on first call. */
    public synchronized ByteBuffer bytes() throws IOException {
        checkOpen();
        if (memory != null) {
            return memory.duplicate();
        }
        if (mapped == null) {
            if (size > mapLimit) {
                throw new ObjectTooLargeException(size, mapLimit);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            }
        }
        return mapped.duplicate();
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    /** The SHA-256 if it is already known (spooled objects), else null: lets callers skip hashing clean files. */
    public String knownSha256() {
        return sha256;
    }

    /** Lowercase hex SHA-256; computed while spooling, or on first call for an opened file. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            try {
                hash = memory != null || size <= mapLimit ? Sha256.of(bytes()) : hashFile();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sha256 = hash;
        }
        return hash;
    }

    private String hashFile() throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Sha256.hex(digest);
    }

    /** A fresh stream over the same bytes, for the archive to read as if from the sender. */
    public InputStream openStream() throws IOException {
        if (memory != null) {
            return new ByteBufferInputStream(this, memory.duplicate());
        }
        return Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Copies the bytes to {@code target}, replacing it. */
    public void copyTo(Path target) throws IOException {
        if (memory != null) {
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer src = memory.duplicate();
                while (src.hasRemaining()) {
                    out.write(src);
                }
            }
        } else {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Throws once the object is closed: its memory may already be freed. Callers hold this object's lock. */
    void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("spooled object already closed");
        }
    }

    /** Frees (or gives back) the memory or unmaps the file now; deletes the spool file if the spool made it. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (releaseMemory != null) {
            releaseMemory.run();
        }
        BufferRelease.release(mapped);
        mapped = null;
        if (ownsFile) {
            Files.deleteIfExists(file);
        }
    }
}
