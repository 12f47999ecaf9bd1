package org.yaraguard.audit.spool;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spooled message file, named {@code MILLIS-PID-SEQ.xml} (16, 10 and 12 digits): when it was spooled, by which
 * process, and that process's sequence number. Names sort in spooling order; nothing in a name comes from a message.
 */
public record SpoolFile(Path path, Instant spooledAt, long pid, long size) implements Comparable<SpoolFile> {

    private static final Pattern NAME = Pattern.compile("(\\d{16})-(\\d{10})-(\\d{12})\\.xml");

    static String name(Instant spooledAt, long pid, long sequence) {
        return String.format("%016d-%010d-%012d.xml", spooledAt.toEpochMilli(), pid, sequence % 1_000_000_000_000L);
    }

    /** The spooled message at {@code path}, or empty for any other name (such as a file still being written). */
    static Optional<SpoolFile> of(Path path, long size) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SpoolFile(path, Instant.ofEpochMilli(Long.parseLong(m.group(1))),
                Long.parseLong(m.group(2)), size));
    }

    @Override
    public int compareTo(SpoolFile other) {
        return path.getFileName().toString().compareTo(other.path.getFileName().toString());
    }
}
