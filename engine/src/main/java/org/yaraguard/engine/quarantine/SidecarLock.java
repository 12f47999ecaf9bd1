package org.yaraguard.engine.quarantine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock the hook and the review both hold while they read and replace or delete a sidecar: a file lock on
 * {@code <quarantine>/.sidecar.lock}, which the server and a review command in another process both honour. In one
 * JVM a second FileLock on the same file throws instead of waiting, so threads first queue on a lock of this class;
 * a copy of this class in another class loader retries until the holder is done.
 */
final class SidecarLock {

    static final String FILE_NAME = ".sidecar.lock";
    private static final long GIVE_UP_SECONDS = 60;
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private SidecarLock() {
    }

    /** What runs under the lock. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the quarantine's sidecar lock. */
    static <T> T holding(Path quarantine, Action<T> action) throws IOException {
        AtomicFiles.ensureFolder(quarantine);
        Path file = quarantine.resolve(FILE_NAME);
        ReentrantLock local = IN_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(AtomicFiles.FILE_MODE))) {
            FolderOwner.adopt(file);
            try (FileLock ignored = lock(channel, file)) {
                return action.run();
            }
        } finally {
            local.unlock();
        }
    }

    private static FileLock lock(FileChannel channel, Path file) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the quarantine's sidecar lock " + file + " stayed held in this JVM for "
                            + GIVE_UP_SECONDS + " seconds");
                }
                sleep();
            }
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the quarantine's sidecar lock", e);
        }
    }
}
