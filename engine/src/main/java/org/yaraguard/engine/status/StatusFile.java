package org.yaraguard.engine.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.yaraguard.engine.quarantine.AtomicFiles;

/**
 * {@code <quarantine>/.status.json}: the quarantine folder is the one place the console reads. Written atomically
 * (owner read/write only; the rename replaces a symbolic link rather than writing through it); read only when it is
 * a regular file of bounded size.
 */
public final class StatusFile {

    /** Hidden, so neither the quarantine listing nor a rules walk ever takes it for an entry. */
    public static final String NAME = ".status.json";
    static final int MAX_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusFile() {
    }

    /** Replaces the status in {@code quarantineDir} (created owner-only when missing). */
    public static void write(Path quarantineDir, GuardStatus status) throws IOException {
        AtomicFiles.ensureFolder(quarantineDir);
        AtomicFiles.write(quarantineDir.resolve(NAME), ByteBuffer.wrap(JSON.writeValueAsBytes(status)));
    }

    /**
     * The status last written into {@code quarantineDir}.
     *
     * @throws java.nio.file.NoSuchFileException when there is none
     * @throws IOException when it is not a regular file, too large, or not a status
     */
    public static GuardStatus read(Path quarantineDir) throws IOException {
        Path file = quarantineDir.resolve(NAME);
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no status file");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            content = in.readNBytes(MAX_BYTES + 1);
        }
        if (content.length > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        return JSON.readValue(content, GuardStatus.class);
    }
}
