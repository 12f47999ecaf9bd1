package org.yaraguard.rules.adversarial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The PDF standard security handler, revision 2 (40-bit RC4, ISO 32000-1 §7.6.3), with an empty user password:
 * readers open such a file without a prompt, and every stream is ciphertext to anything that does not decrypt it.
 */
final class PdfEncryption {

    private static final byte[] PASSWORD_PADDING = HexFormat.of().parseHex(
            "28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a");
    /** All permissions granted (bits 1–2 must be 0, 7–8 and 13–32 must be 1). */
    private static final int PERMISSIONS = -4;

    private final byte[] owner;
    private final byte[] key;

    PdfEncryption(byte[] documentId) {
        byte[] ownerKey = Arrays.copyOf(md5(pad("YARA Guard owner".getBytes(StandardCharsets.US_ASCII))), 5);
        this.owner = rc4(ownerKey, PASSWORD_PADDING);
        byte[] permissions = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(PERMISSIONS).array();
        this.key = Arrays.copyOf(md5(Payloads.concat(PASSWORD_PADDING, owner, permissions, documentId)), 5);
    }

    /** The /Encrypt dictionary. */
    String dictionary() {
        HexFormat hex = HexFormat.of();
        return "<< /Filter /Standard /V 1 /R 2 /Length 40 /P " + PERMISSIONS + " /O <" + hex.formatHex(owner)
                + "> /U <" + hex.formatHex(rc4(key, PASSWORD_PADDING)) + "> >>";
    }

    /** Stream data of object {@code number} (generation 0) as the handler encrypts it. */
    byte[] encrypt(int number, byte[] data) {
        byte[] salt = {(byte) number, (byte) (number >>> 8), (byte) (number >>> 16), 0, 0};
        return rc4(Arrays.copyOf(md5(Payloads.concat(key, salt)), key.length + 5), data);
    }

    private static byte[] pad(byte[] password) {
        return Payloads.concat(Arrays.copyOf(password, Math.min(32, password.length)),
                Arrays.copyOf(PASSWORD_PADDING, 32 - Math.min(32, password.length)));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static byte[] rc4(byte[] key, byte[] data) {
        int[] state = new int[256];
        for (int i = 0; i < 256; i++) {
            state[i] = i;
        }
        for (int i = 0, j = 0; i < 256; i++) {
            j = (j + state[i] + (key[i % key.length] & 0xFF)) & 0xFF;
            int swap = state[i];
            state[i] = state[j];
            state[j] = swap;
        }
        byte[] out = new byte[data.length];
        for (int n = 0, i = 0, j = 0; n < data.length; n++) {
            i = (i + 1) & 0xFF;
            j = (j + state[i]) & 0xFF;
            int swap = state[i];
            state[i] = state[j];
            state[j] = swap;
            out[n] = (byte) (data[n] ^ state[(state[i] + state[j]) & 0xFF]);
        }
        return out;
    }
}
