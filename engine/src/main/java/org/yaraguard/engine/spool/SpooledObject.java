package org.yaraguard.engine.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
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
    /** The bytes of an oversized object that were never spooled (still on the sender's stream), else null. */
    private final InputStream notSpooled;
    private volatile String sha256;
    private MappedByteBuffer mapped;
    private boolean closed;

    private SpooledObject(ByteBuffer memory, Runnable releaseMemory, Path file, boolean ownsFile, long size,
                          String sha256) {
        this(memory, releaseMemory, file, ownsFile, size, Integer.MAX_VALUE, sha256, null);
    }

    private SpooledObject(ByteBuffer memory, Runnable releaseMemory, Path file, boolean ownsFile, long size,
                          long mapLimit, String sha256, InputStream notSpooled) {
        this.memory = memory == null ? null : memory.asReadOnlyBuffer();
        this.releaseMemory = releaseMemory;
        this.file = file;
        this.ownsFile = ownsFile;
        this.size = size;
        this.mapLimit = mapLimit;
        this.sha256 = sha256;
        this.notSpooled = notSpooled;
    }

    /** Bytes in a buffer lent by its owner, who gets it back through {@code giveBack} on close (nothing is freed). */
    static SpooledObject borrowing(ByteBuffer direct, Runnable giveBack) {
        return new SpooledObject(direct, giveBack, null, false, direct.remaining(), null);
    }

    static SpooledObject spoolFile(Path file, String sha256) throws IOException {
        return new SpooledObject(null, null, file, true, Files.size(file), sha256);
    }

    /**
     * An object that went past the size limit: only its first bytes were spooled (in {@code direct} or in
     * {@code file}; {@code releaseDirect} gives its memory back), the rest is still on the sender's stream
     * ({@code notSpooled}). Its size is what was seen so
     * far; it has no bytes to scan or hash, and can only be streamed on, once, unscanned.
     */
    static SpooledObject oversized(ByteBuffer direct, Runnable releaseDirect, Path file, long seen,
                                   InputStream notSpooled) {
        return new SpooledObject(direct, releaseDirect, file, file != null, seen, Integer.MAX_VALUE, null, notSpooled);
    }

    /** False when the object went past the spool's size limit: only part of it was read (see {@link #size()}). */
    public boolean complete() {
        return notSpooled == null;
    }

    /** An existing file, scanned where it lies; closing it never deletes the file. */
    public static SpooledObject open(Path file) throws IOException {
        return new SpooledObject(null, null, file, false, Files.size(file), null);
    }

    /** An existing file larger than {@code limit}, which may change: never mapped, its bytes refused. */
    static SpooledObject unread(Path file, long limit) throws IOException {
        return new SpooledObject(null, null, file, false, Files.size(file), Math.min(limit, Integer.MAX_VALUE), null,
                null);
    }

    /** The object's bytes, read-only, position 0; a file is mapped on first call. */
    public synchronized ByteBuffer bytes() throws IOException {
        checkOpen();
        checkComplete();
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

    /** Size in bytes; for an object that is not {@link #complete()}, the bytes seen before reading stopped. */
    public long size() {
        return size;
    }

    /** The SHA-256 if it is already known (spooled objects), else null: lets callers skip hashing clean files. */
    public String knownSha256() {
        return sha256;
    }

    /**
     * Lowercase hex SHA-256; computed while spooling, or on first call for an opened file; null for an object that is
     * not {@link #complete()}.
     */
    public String sha256() {
        String hash = sha256;
        if (hash == null && complete()) {
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

    /**
     * A fresh stream over the same bytes, for the archive to read as if from the sender. For an object that is not
     * {@link #complete()}: the spooled bytes followed by the unread rest, so this works once only.
     */
    public InputStream openStream() throws IOException {
        InputStream spooled = memory != null ? new ByteBufferInputStream(this, memory.duplicate())
                : Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
        return notSpooled == null ? spooled : new SequenceInputStream(spooled, notSpooled);
    }

    /** Writes the bytes to {@code out} without mapping them, so objects of any size can be copied. */
    public void writeTo(WritableByteChannel out) throws IOException {
        checkComplete();
        if (memory != null) {
            synchronized (this) {
                checkOpen();
                ByteBuffer src = memory.duplicate();
                while (src.hasRemaining()) {
                    out.write(src);
                }
            }
            return;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            while (position < size) {
                long n = in.transferTo(position, size - position, out);
                if (n <= 0) {
                    throw new IOException("spool file ended at " + position + " of " + size + " bytes");
                }
                position += n;
            }
        }
    }

    /** Copies the bytes to {@code target}, replacing it. */
    public void copyTo(Path target) throws IOException {
        checkComplete();
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

    private void checkComplete() throws ObjectTooLargeException {
        if (notSpooled != null) {
            throw new ObjectTooLargeException(size);
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
        // The bytes not spooled are left on the sender's stream, which belongs to the archive: it is not closed here.
    }
}
