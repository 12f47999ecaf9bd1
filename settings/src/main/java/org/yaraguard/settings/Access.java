package org.yaraguard.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the server's user may read or write a path: judged from owner, group and mode when the user is named (the
 * command line, often run as root, checks for the server), else by asking the system for this process (the hook,
 * which runs as the server's user).
 */
final class Access {

    /** What the server does with a path. */
    enum Need {
        READ_FOLDER("read", "r", "x"), WRITE_FOLDER("write", "w", "x"), WRITE_FILE("write", "w", null);

        final String verb;
        final String first;
        final String second;

        Need(String verb, String first, String second) {
            this.verb = verb;
            this.first = first;
            this.second = second;
        }
    }

    private final Optional<String> user;
    private final UnixAccounts accounts;

    Access(Optional<String> user, UnixAccounts accounts) {
        this.user = user;
        this.accounts = accounts;
    }

    /** Whether access can be judged: no user named (this process is asked), root, or a user of /etc/passwd. */
    boolean judgeable() {
        return user.isEmpty() || user.get().equals("root") || accounts.groupsOf(user.get()).isPresent();
    }

    Optional<String> user() {
        return user;
    }

    /** Why the server's user cannot do {@code need} on the existing {@code path}, or empty when it can. */
    Optional<String> denied(Path path, Need need) throws IOException {
        if (user.isEmpty()) {
            boolean ok = need == Need.READ_FOLDER ? Files.isReadable(path) && Files.isExecutable(path)
                    : Files.isWritable(path) && (need == Need.WRITE_FILE || Files.isExecutable(path));
            return ok ? Optional.empty()
                    : Optional.of(path + ": this server's user (" + System.getProperty("user.name") + ") cannot "
                            + need.verb + " it");
        }
        String name = user.get();
        if (name.equals("root")) {
            return Optional.empty();
        }
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                attrs = Files.readAttributes(path, PosixFileAttributes.class);
            }
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        String owner = attrs.owner().getName();
        String group = attrs.group().getName();
        String mode = PosixFilePermissions.toString(perms);
        int offset;
        if (owner.equals(name)) {
            offset = 0;
        } else {
            Optional<Set<String>> groups = accounts.groupsOf(name);
            if (groups.isEmpty()) {
                return Optional.empty();
            }
            offset = groups.get().contains(group) ? 3 : 6;
        }
        String bits = mode.substring(offset, offset + 3);
        boolean ok = bits.contains(need.first) && (need.second == null || bits.contains(need.second));
        return ok ? Optional.empty()
                : Optional.of(path + ": owner " + owner + ":" + group + ", mode " + mode + ": user " + name
                        + " cannot " + need.verb + " it");
    }
}
