package org.yaraguard.audit.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyslogTargetTest {

    @Test
    void readsTlsAndUdpTargets() {
        assertThat(SyslogTarget.parse("tls://arr.example.org:6514"))
                .isEqualTo(new SyslogTarget(SyslogTarget.Transport.TLS, "arr.example.org", 6514));
        assertThat(SyslogTarget.parse(" UDP://10.0.0.7:514 "))
                .isEqualTo(new SyslogTarget(SyslogTarget.Transport.UDP, "10.0.0.7", 514));
        assertThat(SyslogTarget.parse("tls://[::1]:6514").host()).isEqualTo("::1");
        assertThat(SyslogTarget.parse("tls://[::1]:6514")).hasToString("tls://[::1]:6514");
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"arr:6514", "tcp://arr:514", "tls://arr", "tls://arr:0", "tls://arr:70000",
                "tls://u@arr:6514", "tls://arr:6514/x", "udp://arr:514?q", ""}) {
            assertThatThrownBy(() -> SyslogTarget.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tls://host:port or udp://host:port");
        }
    }
}
