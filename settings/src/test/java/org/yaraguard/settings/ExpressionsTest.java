package org.yaraguard.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private final Map<String, String> known = Map.of("jboss.server.log.dir", "/srv/log", "env.MODE", "monitor",
            "b", "B");

    private Expressions.Resolved resolve(String text) {
        return Expressions.resolve(text, known::get);
    }

    @Test
    void resolvesNamesDefaultsAndNestedDefaults() {
        assertThat(resolve("${jboss.server.log.dir}/f.log").value()).isEqualTo("/srv/log/f.log");
        assertThat(resolve("${env.MODE:enforce}").value()).isEqualTo("monitor");
        assertThat(resolve("${env.OTHER:enforce}").value()).isEqualTo("enforce");
        assertThat(resolve("${a,b:c}").value()).isEqualTo("B");
        assertThat(resolve("${a:${jboss.server.log.dir}/x}").value()).isEqualTo("/srv/log/x");
        assertThat(resolve("plain").value()).isEqualTo("plain");
    }

    @Test
    void namesNothingResolvesAreReported() {
        Expressions.Resolved r = resolve("${jboss.server.data.dir}/q");

        assertThat(r.complete()).isFalse();
        assertThat(r.unresolved()).containsExactly("jboss.server.data.dir");
    }
}
