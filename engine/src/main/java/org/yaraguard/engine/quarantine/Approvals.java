package org.yaraguard.engine.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One-time approvals for exactly one SHA-256, written by a release and honoured once by the hook. An approval is a
 * file {@code <approvals>/<sha256>.approval}; consuming it deletes it, which the file system does exactly once, so
 * two concurrent stores of the same bytes cannot both pass on one approval.
 */
public final class Approvals {

    private static final String SUFFIX = ".approval";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;
    private final Clock clock;

    /** Approvals in the given folder (created on the first grant). */
    public Approvals(Path folder) {
        this(folder, Clock.systemUTC());
    }

    /** Approvals in the given folder, with the clock that decides expiry. */
    public Approvals(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Uses up the approval for these bytes. Returns true exactly once per grant, and only before it expires; an
     * expired approval is removed and refused. Never throws: anything unexpected is a refusal.
     */
    public boolean consume(String sha256) {
        if (!isSha256(sha256)) {
            return false;
        }
        Path file = folder.resolve(sha256 + SUFFIX);
        Instant expires = expiry(file);
        try {
            Files.delete(file);
        } catch (IOException e) {
            return false;
        }
        return expires != null && clock.instant().isBefore(expires);
    }

    /** Writes an approval for exactly these bytes, valid for {@code ttl}. */
    public void grant(String sha256, String entryId, String user, String reason, Duration ttl) throws IOException {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("an approval is for one full SHA-256");
        }
        AtomicFiles.ensureFolder(folder);
        Instant now = clock.instant();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("sha256", sha256);
        json.put("entryId", entryId);
        json.put("user", user);
        json.put("reason", reason);
        json.put("grantedAt", now.toString());
        json.put("expiresAt", now.plus(ttl).toString());
        AtomicFiles.write(folder.resolve(sha256 + SUFFIX), ByteBuffer.wrap(MAPPER.writeValueAsBytes(json)));
    }

    /** Withdraws an unused approval (a release whose delivery failed); returns whether one was there. */
    public boolean revoke(String sha256) throws IOException {
        return isSha256(sha256) && Files.deleteIfExists(folder.resolve(sha256 + SUFFIX));
    }

    /** Whether an unused approval exists for these bytes (expired or not). */
    public boolean pending(String sha256) {
        return isSha256(sha256)
                && Files.isRegularFile(folder.resolve(sha256 + SUFFIX), LinkOption.NOFOLLOW_LINKS);
    }

    private static Instant expiry(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 64 * 1024) {
                return null;
            }
            JsonNode json = MAPPER.readTree(file.toFile());
            JsonNode expires = json.get("expiresAt");
            return expires != null && expires.isTextual() ? Instant.parse(expires.asText()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }
}
