package org.yaraguard.engine.status;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.yaraguard.engine.quarantine.Quarantine;

/**
 * Counts the quarantine's entries ({@code <study>/<sha256>.dcm}) and the bytes of its study folders (objects and
 * sidecars, as the metrics count them), following no symbolic link. Walks the whole folder: run it off the store's
 * threads, and not often.
 */
public final class QuarantineTally {

    private QuarantineTally() {
    }

    /** The quarantine's entries and bytes now; none when the folder does not exist yet. */
    public static GuardStatus.QuarantineUsage count(Path quarantineDir, Instant at) throws IOException {
        long entries = 0;
        long bytes = 0;
        if (Files.isDirectory(quarantineDir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> studies = Files.newDirectoryStream(quarantineDir)) {
                for (Path study : studies) {
                    if (!Files.isDirectory(study, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(study)) {
                        for (Path file : files) {
                            BasicFileAttributes attributes;
                            try {
                                attributes = Files.readAttributes(file, BasicFileAttributes.class,
                                        LinkOption.NOFOLLOW_LINKS);
                            } catch (NoSuchFileException e) {
                                continue; // purged or released while counting
                            }
                            if (attributes.isRegularFile()) {
                                bytes += attributes.size();
                                entries += isObject(file) ? 1 : 0;
                            }
                        }
                    } catch (NoSuchFileException e) {
                        // the study was purged while counting: it counts no more
                    }
                }
            }
        }
        return new GuardStatus.QuarantineUsage(entries, bytes, at.toString());
    }

    private static boolean isObject(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(Quarantine.OBJECT_SUFFIX)
                && Quarantine.isEntryId(name.substring(0, name.length() - Quarantine.OBJECT_SUFFIX.length()));
    }
}
