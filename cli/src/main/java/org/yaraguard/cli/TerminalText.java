package org.yaraguard.cli;

/** Text from an object, a sender, an administrator or a server made safe to print on a terminal. */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Control characters (C0 and C1, so no escape sequence, including the one-byte CSI U+009B), format characters
     * (bidirectional overrides) and line separators become '?'; null prints as '-'.
     */
    public static String safe(Object text) {
        return text == null ? "-" : text.toString().replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
    }
}
