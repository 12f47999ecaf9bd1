package org.yaraguard.review;

import java.util.ArrayList;
import java.util.List;

/**
 * A few bytes of a quarantined object, for a hex view. Printable ASCII is shown as such, everything else as a dot,
 * so the text view can carry no control characters or markup-significant bytes beyond printable ASCII.
 *
 * @param label  what these bytes are ("preamble", "match Rule at 0x80 (region preamble)")
 * @param offset offset of the first byte in the object
 */
public record ByteWindow(String label, long offset, byte[] bytes) {

    /** Defensive copy. */
    public ByteWindow {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Classic hex dump lines: offset, 16 bytes in hex, printable ASCII. */
    public List<String> hexLines() {
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < bytes.length; start += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (int i = start; i < start + 16; i++) {
                if (i < bytes.length) {
                    int b = bytes[i] & 0xff;
                    hex.append(String.format("%02x ", b));
                    text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
                if (i == start + 7) {
                    hex.append(' ');
                }
            }
            lines.add(String.format("%08x  %s |%s|", offset + start, hex, text));
        }
        return lines;
    }
}
