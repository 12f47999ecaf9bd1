package org.yaraguard.hunt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy depth-first walk of storage roots, each directory's entries sorted by name: memory holds the open
 * directories' names only, never the whole tree. Folders are entered only when they are real folders (never through a
 * link); everything else (files, links, special files) is an object, judged when opened.
 */
final class StorageWalk implements Iterator<StoredObject> {

    /** One directory being walked; {@code after} positions it on resume (null: from its first entry). */
    private record Frame(int root, Path dir, String prefix, List<String> names, int[] next, List<String> after) {
    }

    private final List<Path> roots;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int nextRoot;
    private StorageKey resumeAfter;
    private StoredObject pending;

    private StorageWalk(List<Path> roots, StorageKey after) {
        this.roots = roots;
        this.resumeAfter = after;
        this.nextRoot = after == null ? 0 : after.root();
    }

    static Stream<StoredObject> stream(List<Path> roots, StorageKey after) {
        StorageWalk walk = new StorageWalk(roots, after);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    @Override
    public boolean hasNext() {
        try {
            while (pending == null) {
                if (stack.isEmpty()) {
                    if (nextRoot >= roots.size()) {
                        return false;
                    }
                    List<String> after = resumeAfter != null && resumeAfter.root() == nextRoot ? resumeAfter.names() : null;
                    resumeAfter = null;
                    push(nextRoot, roots.get(nextRoot), "", after);
                    nextRoot++;
                    continue;
                }
                advance(stack.peek());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public StoredObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StoredObject next = pending;
        pending = null;
        return next;
    }

    private void advance(Frame frame) throws IOException {
        if (frame.next[0] >= frame.names.size()) {
            stack.pop();
            return;
        }
        String name = frame.names.get(frame.next[0]++);
        List<String> after = frame.after;
        // On the resume path: names before it were done in the earlier run; the name itself is done when it is the
        // last name of the key, and partly done (resume inside it) otherwise.
        List<String> inside = null;
        if (after != null && !after.isEmpty()) {
            int order = name.compareTo(after.get(0));
            if (order < 0 || (order == 0 && after.size() == 1)) {
                return;
            }
            if (order == 0) {
                inside = after.subList(1, after.size());
            }
        }
        Path path = frame.dir.resolve(name);
        String relative = frame.prefix + name;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException vanished) {
            return;
        }
        if (attributes.isDirectory()) {
            if (!push(frame.root, path, relative + "/", inside)) {
                // A folder that cannot be listed is handed on as an object: opening it fails, and the hunt lists it.
                pending = new StoredObject(frame.root + ":" + relative, relative, null, -1);
            }
        } else if (inside == null) {
            pending = new StoredObject(frame.root + ":" + relative, relative, null,
                    attributes.isRegularFile() ? attributes.size() : -1);
        }
    }

    /** False when the folder exists but cannot be listed (e.g. permission denied); a root must be listable. */
    private boolean push(int rootIndex, Path dir, String prefix, List<String> after) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (NoSuchFileException vanished) {
            return true;
        } catch (IOException unreadable) {
            if (prefix.isEmpty()) {
                throw unreadable;
            }
            return false;
        }
        Collections.sort(names);
        stack.push(new Frame(rootIndex, dir, prefix, names, new int[1], after));
        return true;
    }
}
