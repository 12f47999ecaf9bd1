package org.yaraguard.hunt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Part {@code i} of {@code n} of a hunt split over several hosts. An object belongs to exactly one part, by a hash of
 * its Study Instance UID when the source knows it before reading (a study stays on one host), else of its key: the
 * same on every host and every run (SHA-256, not a JVM hash).
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n: " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a shard is i/n, e.g. 2/4: " + text);
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is i/n, e.g. 2/4: " + text);
        }
    }

    public boolean contains(StoredObject object) {
        if (count == 1) {
            return true;
        }
        String by = object.studyInstanceUid() != null ? object.studyInstanceUid() : object.key();
        return Long.remainderUnsigned(hash(by), count) == index - 1;
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
