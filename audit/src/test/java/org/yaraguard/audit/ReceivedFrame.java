package org.yaraguard.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An RFC 5424 message as the receiver stored it, split into its header fields and the message bytes (BOM removed). */
public record ReceivedFrame(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
        String structuredData, boolean bom, byte[] msg) {

    public static ReceivedFrame parse(byte[] raw) {
        int[] spaces = new int[7];
        int found = 0;
        for (int i = 0; i < raw.length && found < 7; i++) {
            if (raw[i] == ' ') {
                spaces[found++] = i;
            }
        }
        if (found < 7 || raw[0] != '<') {
            throw new IllegalArgumentException("not an RFC 5424 message: " + new String(raw, StandardCharsets.UTF_8));
        }
        String head = new String(raw, 0, spaces[6], StandardCharsets.US_ASCII);
        String[] f = head.split(" ");
        int close = f[0].indexOf('>');
        if (!f[0].substring(close + 1).equals("1")) {
            throw new IllegalArgumentException("not syslog version 1: " + head);
        }
        int start = spaces[6] + 1;
        boolean bom = raw.length >= start + 3 && (raw[start] & 0xFF) == 0xEF && (raw[start + 1] & 0xFF) == 0xBB
                && (raw[start + 2] & 0xFF) == 0xBF;
        return new ReceivedFrame(Integer.parseInt(f[0].substring(1, close)), f[1], f[2], f[3], f[4], f[5], f[6], bom,
                Arrays.copyOfRange(raw, bom ? start + 3 : start, raw.length));
    }
}
