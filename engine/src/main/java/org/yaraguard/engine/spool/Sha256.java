package org.yaraguard.engine.spool;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the lowercase hex string that names objects in the quarantine and identifies rule sets. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh SHA-256 digest (every JRE has one). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JRE lacks SHA-256", e);
        }
    }

    /** The digest's result as lowercase hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of {@code bytes[position, limit)}; the buffer's position is left as it was. */
    public static String of(ByteBuffer bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes.duplicate());
        return hex(digest);
    }
}
