package org.yaraguard.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The groups of a local user, read from {@code /etc/passwd} and {@code /etc/group} (users known only to a directory
 * service are not found: their access is then not judged).
 */
record UnixAccounts(Path passwd, Path group) {

    static UnixAccounts local() {
        return new UnixAccounts(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    /** The names of the groups {@code user} belongs to (primary group included), or empty when the user is unknown. */
    Optional<Set<String>> groupsOf(String user) {
        try {
            String primaryGid = null;
            for (String line : lines(passwd)) {
                String[] f = line.split(":", -1);
                if (f.length > 3 && f[0].equals(user)) {
                    primaryGid = f[3];
                    break;
                }
            }
            if (primaryGid == null) {
                return Optional.empty();
            }
            Set<String> groups = new HashSet<>();
            for (String line : lines(group)) {
                String[] f = line.split(":", -1);
                if (f.length > 3 && (f[2].equals(primaryGid) || List.of(f[3].split(",")).contains(user))) {
                    groups.add(f[0]);
                }
            }
            return Optional.of(groups);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
