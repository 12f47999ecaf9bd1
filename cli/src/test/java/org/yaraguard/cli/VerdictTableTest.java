package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class VerdictTableTest {

    @Test
    void millisecondsAreRoundedHalfUpToOneDecimalAsTheRootLocalePrintsThem() {
        for (long micros : new long[] {0, 49, 50, 949, 950, 1049, 1050, 9_999, 80_204, 123_456_789}) {
            assertThat(VerdictTable.milliseconds(micros)).as("%d µs", micros)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", new java.math.BigDecimal(micros).movePointLeft(3)));
        }
    }
}
