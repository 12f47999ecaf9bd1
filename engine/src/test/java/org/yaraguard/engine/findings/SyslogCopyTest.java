package org.yaraguard.engine.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogCopyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void eachWrittenLineReachesTheCollectorAsOneRfc5424Datagram() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(10_000);
            SyslogCopy copy = SyslogCopy.parse("127.0.0.1:" + collector.getLocalPort());
            FindingsLog log = new FindingsLog(temp.resolve("findings.log"), FindingsRotation.DEFAULT, copy, CLOCK);

            assertThat(log.appendReview("purge", "ab".repeat(32), "admin", "confirmed")).isTrue();

            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            collector.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            String line = Files.readAllLines(log.file()).get(0);
            // local0 (16) * 8 + notice (5) for a review action
            assertThat(message).startsWith("<133>1 2026-11-25T01:02:03Z ").contains(" yara-guard - findings - ")
                    .endsWith(" - " + line);
            assertThat(new ObjectMapper().readTree(message.substring(message.indexOf('{'))).get("event").asText())
                    .isEqualTo("purge");
        }
    }

    @Test
    void noCollectorNoCopyAndABadOneIsNamed() {
        assertThat(SyslogCopy.parse(null)).isNull();
        assertThat(SyslogCopy.parse(" ")).isNull();
        assertThat(SyslogCopy.parse("siem.example:514")).isNotNull();
        assertThatThrownBy(() -> SyslogCopy.parse("siem.example")).hasMessageContaining(SyslogCopy.TARGET);
        assertThatThrownBy(() -> SyslogCopy.parse("siem.example:99999")).hasMessageContaining(SyslogCopy.TARGET);
    }

    @Test
    void anUnreachableCollectorChangesNothing() throws Exception {
        SyslogCopy copy = SyslogCopy.parse("no-such-host.invalid:514");
        FindingsLog log = new FindingsLog(temp.resolve("findings.log"), FindingsRotation.DEFAULT, copy, CLOCK);

        assertThat(log.appendReview("view", "ab".repeat(32), "admin", null)).isTrue();
        assertThat(Files.readAllLines(log.file())).hasSize(1);
    }
}
