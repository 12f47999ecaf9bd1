package org.yaraguard.audit.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyslogFrameTest {

    private static final byte[] XML = "<AuditMessage><EventIdentification EventOutcomeIndicator=\"8\"/></AuditMessage>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void headerIsRfc5424LikeTheArchivesAuditLogger() {
        byte[] frame = SyslogFrame.of(XML, Instant.parse("2026-11-30T17:00:01.234Z"), "pacs.example.org", "4711");
        String header = "<83>1 2026-11-30T17:00:01.234Z pacs.example.org yara-guard 4711 IHE+RFC-3881 - ";
        assertThat(new String(frame, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
        assertThat(Arrays.copyOfRange(frame, header.length(), header.length() + 3))
                .containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(Arrays.copyOfRange(frame, header.length() + 3, frame.length)).isEqualTo(XML);
    }

    @Test
    void severityFollowsTheEventOutcome() {
        assertThat(SyslogFrame.severity(outcome("0"))).isEqualTo(5);
        assertThat(SyslogFrame.severity(outcome("4"))).isEqualTo(4);
        assertThat(SyslogFrame.severity(outcome("8"))).isEqualTo(3);
        assertThat(SyslogFrame.severity(outcome("12"))).isEqualTo(2);
        assertThat(SyslogFrame.severity("<AuditMessage/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(5);
    }

    @Test
    void aMessageWithItsOwnBomGetsNoSecond() {
        byte[] withBom = new byte[XML.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(XML, 0, withBom, 3, XML.length);
        byte[] frame = SyslogFrame.of(withBom, Instant.EPOCH, "h", "1");
        assertThat(frame.length - withBom.length).isEqualTo(
                SyslogFrame.of(XML, Instant.EPOCH, "h", "1").length - XML.length - 3);
    }

    @Test
    void headerFieldsThatAreNotPrintableAsciiBecomeNil() {
        assertThat(SyslogFrame.field("host name")).isEqualTo("-");
        assertThat(SyslogFrame.field("hôte")).isEqualTo("-");
        assertThat(SyslogFrame.field("")).isEqualTo("-");
        assertThat(SyslogFrame.field("pacs-1.example.org")).isEqualTo("pacs-1.example.org");
    }

    private static byte[] outcome(String value) {
        return ("<EventIdentification EventOutcomeIndicator=\"" + value + "\"/>").getBytes(StandardCharsets.UTF_8);
    }
}
