package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void noEscapeSequenceBidiOverrideOrLineBreakReachesTheTerminal() {
        assertThat(TerminalText.safe("A\u001b[2JB")).isEqualTo("A?[2JB");
        assertThat(TerminalText.safe("A\u009b2JB")).as("the one-byte C1 CSI").isEqualTo("A?2JB");
        assertThat(TerminalText.safe("rule\u202eexe.pdf")).as("a right-to-left override").isEqualTo("rule?exe.pdf");
        assertThat(TerminalText.safe("one\ntwo\u2028three")).isEqualTo("one?two?three");
    }

    @Test
    void plainTextAndNamesInOtherScriptsStayAsTheyAre() {
        assertThat(TerminalText.safe("Müller^Jürgen 患者 1.2.840.10008")).isEqualTo("Müller^Jürgen 患者 1.2.840.10008");
        assertThat(TerminalText.safe(null)).isEqualTo("-");
    }
}
