package org.yaraguard.engine.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Takes an incoming object off its stream: objects up to the memory threshold into a block of memory reused from
 * object to object (see {@link SpoolMemory}), larger ones (and any object while all blocks are lent) into a spool file
 * that is then mapped, so that the scanner reads memory in place and the archive can re-read the same bytes. Reading
 * stops once an object goes past the size limit: no more than the limit is ever held or written to disk, and the
 * object comes back not {@link SpooledObject#complete() complete}, with the rest left on its stream. The SHA-256 is
 * computed only when asked for (clean objects never need it). Close to free the memory blocks.
 */
public final class Spool implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final Path folder;
    private final long memoryThreshold;
    private final long maxObjectBytes;
    private final SpoolMemory memory;

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
        this.memory = new SpoolMemory((int) memoryThreshold);
    }

    /** Reads {@code in} to its end or past the size limit. A failure (e.g. a full disk) leaves no spool file behind. */
    public SpooledObject spool(InputStream in) throws IOException {
        byte[] chunk = new byte[CHUNK];
        Optional<HugePages.Block> taken = memory.tryTake();
        if (taken.isEmpty()) {
            return spoolToFile(ByteBuffer.allocate(0), chunk, 0, in);
        }
        HugePages.Block block = taken.get();
        Runnable giveBack = () -> memory.giveBack(block);
        ByteBuffer head = block.bytes();
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (head.position() + n > maxObjectBytes) {
                    return SpooledObject.oversized(head.flip(), giveBack, null, head.limit() + n, rest(chunk, n, in));
                }
                if (head.position() + n > memoryThreshold) {
                    giveBack = null;
                    try {
                        return spoolToFile(head.flip(), chunk, n, in);
                    } finally {
                        memory.giveBack(block);
                    }
                }
                head.put(chunk, 0, n);
            }
        } catch (IOException | RuntimeException | Error e) {
            if (giveBack != null) {
                giveBack.run();
            }
            throw e;
        }
        return SpooledObject.borrowing(head.flip(), giveBack);
    }

    private SpooledObject spoolToFile(ByteBuffer head, byte[] chunk, int pending, InputStream in) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "spool-", ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            long written = head.remaining() + pending;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                while (head.hasRemaining()) {
                    channel.write(head);
                }
                out.write(chunk, 0, pending);
                int n;
                while ((n = in.read(chunk)) != -1) {
                    if (written + n > maxObjectBytes) {
                        out.close();
                        return SpooledObject.oversized(null, null, file, written + n, rest(chunk, n, in));
                    }
                    out.write(chunk, 0, n);
                    written += n;
                }
            }
            return SpooledObject.spoolFile(file, null);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The chunk that went past the limit, then whatever the sender has not sent yet. */
    private static InputStream rest(byte[] chunk, int n, InputStream in) {
        return new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(chunk, n)), in);
    }

    /** Blocks of memory allocated (lent or idle): never more than {@link SpoolMemory#BLOCKS}. */
    int memoryBlocks() {
        return memory.allocatedBlocks();
    }

    /** Frees the memory blocks no object holds; those still lent are freed when their object is closed. */
    @Override
    public void close() {
        memory.close();
    }
}
