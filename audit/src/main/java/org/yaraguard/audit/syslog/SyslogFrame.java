package org.yaraguard.audit.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One audit message as an RFC 5424 syslog message, shaped like dcm4che's {@code AuditLogger} sends the archive's own:
 * {@code <PRI>1 TIMESTAMP HOSTNAME yara-guard PROCID IHE+RFC-3881 - BOM XML}, facility authpriv (10), severity by
 * the message's EventOutcomeIndicator (0 notice, 4 warning, 8 error, 12 critical), the XML bytes unchanged.
 */
public final class SyslogFrame {

    public static final String APP_NAME = "yara-guard";
    /** The MSGID dcm4che's AuditLogger sends by default, so that a repository files both sources alike. */
    public static final String MSG_ID = "IHE+RFC-3881";
    static final int AUTHPRIV = 10;
    static final int NOTICE = 5;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] OUTCOME = "EventOutcomeIndicator=\"".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private SyslogFrame() {
    }

    /**
     * The syslog message carrying {@code xml}.
     *
     * @param hostname the HOSTNAME field (printable ASCII, no space), or "-"
     * @param procId   the PROCID field: the process that spooled the message
     */
    public static byte[] of(byte[] xml, Instant at, String hostname, String procId) {
        String header = "<" + (AUTHPRIV * 8 + severity(xml)) + ">1 " + TIMESTAMP.format(at) + " " + field(hostname)
                + " " + APP_NAME + " " + field(procId) + " " + MSG_ID + " - ";
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length() + BOM.length + xml.length);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        if (!startsWithBom(xml)) {
            out.writeBytes(BOM);
        }
        out.writeBytes(xml);
        return out.toByteArray();
    }

    /** RFC 5424 severity from the first EventOutcomeIndicator attribute, notice when there is none. */
    static int severity(byte[] xml) {
        int at = indexOf(xml, OUTCOME);
        if (at < 0) {
            return NOTICE;
        }
        int start = at + OUTCOME.length;
        int end = start;
        while (end < xml.length && end - start < 3 && xml[end] >= '0' && xml[end] <= '9') {
            end++;
        }
        String outcome = new String(xml, start, end - start, StandardCharsets.US_ASCII);
        return switch (outcome) {
            case "4" -> 4;
            case "8" -> 3;
            case "12" -> 2;
            default -> NOTICE;
        };
    }

    /** An RFC 5424 header field: 1–255 printable US-ASCII characters without space, else the nil value. */
    static String field(String value) {
        if (value == null || value.isEmpty() || value.length() > 255) {
            return "-";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126) {
                return "-";
            }
        }
        return value;
    }

    private static boolean startsWithBom(byte[] xml) {
        return xml.length >= 3 && xml[0] == BOM[0] && xml[1] == BOM[1] && xml[2] == BOM[2];
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
