package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Decodes a short text value cheaply and safely: reads only a capped prefix, trims padding, masks control chars. */
final class AttributeText {

    private AttributeText() {
    }

    /**
     * Text of bytes[start, start + length), at most maxChars characters, or null when empty after trimming.
     * The caller guarantees that the range lies inside bytes.
     */
    static String decode(ByteBuffer bytes, int start, long length, int maxChars, boolean utf8) {
        // UTF-8 needs up to 4 bytes per character; single-byte charsets exactly one.
        int wanted = (int) Math.min(length, utf8 ? 4L * maxChars : maxChars);
        byte[] raw = new byte[wanted];
        bytes.get(start, raw);
        String text = trim(new String(raw, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        if (text.length() > maxChars) {
            int end = maxChars;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = trim(text.substring(0, end));
        }
        if (text.isEmpty()) {
            return null;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            safe.append(c < 0x20 || (c >= 0x7F && c < 0xA0) ? '?' : c);
        }
        return safe.toString();
    }

    private static String trim(String text) {
        int begin = 0;
        int end = text.length();
        while (begin < end && isPadding(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && isPadding(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(begin, end);
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\0';
    }
}
