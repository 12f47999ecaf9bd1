package org.yaraguard.engine.quarantine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Gives what root writes into a server folder the owner and group of that folder, so that a review command run as
 * root leaves sidecars, approvals and log files the server's user can still read and replace. Only root can change
 * an owner, and only root writes files another user owns the folder of: for every other process this does nothing.
 */
public final class FolderOwner {

    private static final boolean ROOT = rootUid();

    private FolderOwner() {
    }

    /** Gives {@code path} (just created in its parent folder) the parent's owner and group when root created it. */
    public static void adopt(Path path) throws IOException {
        if (!ROOT) {
            return;
        }
        Path folder = path.toAbsolutePath().getParent();
        PosixFileAttributes parent = Files.readAttributes(folder, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes own = view.readAttributes();
        if (!own.owner().equals(parent.owner())) {
            view.setOwner(parent.owner());
        }
        if (!own.group().equals(parent.group())) {
            view.setGroup(parent.group());
        }
    }

    /** Whether this process runs as root (effective uid 0). */
    public static boolean runningAsRoot() {
        return ROOT;
    }

    private static boolean rootUid() {
        try {
            // /proc/self is owned by the process's effective user: no native call and no user-name guess needed.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
