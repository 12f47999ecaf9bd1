package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibyaraWarmUpTest {

    @Test
    void warmsUpForTheCommandsThatScanAndForTheVersion() {
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"scan", "--threads", "1", "x.dcm"})).isTrue();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"hunt", "--report", "r"})).isTrue();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"rules", "check", "dir"})).isTrue();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"--version"})).isTrue();
    }

    @Test
    void leavesLibyaraAloneForHelpAndCommandsWithoutRules() {
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {})).isFalse();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"--help"})).isFalse();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"scan", "--help"})).isFalse();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"rules", "check", "-h"})).isFalse();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"status"})).isFalse();
        assertThat(LibyaraWarmUp.needsLibyara(new String[] {"quarantine", "list"})).isFalse();
    }
}
