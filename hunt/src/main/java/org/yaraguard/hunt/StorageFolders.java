package org.yaraguard.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaraguard.review.hunt.HuntHit;

/**
 * The archive's file-system storage folders (one file per instance, dcm4chee-arc's default path format
 * {@code {now,date,yyyy/MM/dd}/{0020000D,hash}/{0020000E,hash}/{00080018,hash}}), read-only. Every regular file under
 * the roots is listed, whatever its name; symbolic links are listed too but never followed (opening one fails, and
 * the hunt lists it as a failure), so nothing outside the roots is ever read. Thread-safe.
 *
 * <p>A key is the root's index, ':' and the path relative to that root ('/' separated); the order is root by root,
 * each directory's entries sorted by name, so a listing can resume after any key.
 */
public final class StorageFolders implements StoredObjects {

    private final List<Path> roots;

    private StorageFolders(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The given roots, each resolved once to its real path (the administrator's root may itself be a link). */
    public static StorageFolders of(List<Path> roots) throws IOException {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no storage folder given");
        }
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            Path resolved = root.toRealPath();
            if (!Files.isDirectory(resolved)) {
                throw new IOException("not a folder: " + root);
            }
            real.add(resolved);
        }
        return new StorageFolders(real);
    }

    @Override
    public String source() {
        return HuntHit.STORAGE;
    }

    @Override
    public String description() {
        return String.join(", ", roots.stream().map(r -> "storage:" + r).toList());
    }

    @Override
    public boolean listingIsCheap() {
        return true;
    }

    @Override
    public Stream<StoredObject> list(String afterKey) throws IOException {
        StorageKey after = afterKey == null ? null : StorageKey.parse(afterKey);
        return StorageWalk.stream(roots, after);
    }

    @Override
    public InputStream open(StoredObject object) throws IOException {
        StorageKey key = StorageKey.parse(object.key());
        if (key.root() >= roots.size()) {
            throw new IOException("no storage root " + key.root());
        }
        Path root = roots.get(key.root());
        Path file = root.resolve(key.relativePath());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("a folder the hunt cannot list");
        }
        // NOFOLLOW guards the last name; the real-path check catches a folder on the way swapped for a link.
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            if (!file.toRealPath().equals(file)) {
                throw new IOException("path leads outside its storage root through a symbolic link");
            }
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
