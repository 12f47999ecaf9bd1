package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hazard 3: YR_RULE.identifier is at offset 8 up to libyara 4.3 and at 16 from 4.4. The installed 4.2.3 must probe
 * as 8; hand-built structs in both layouts check that the probe and the reader handle the 4.4+ layout too, which
 * this machine cannot load.
 */
class RuleLayoutTest {

    private final List<Memory> keep = new ArrayList<>();

    @Test
    void installedLibyaraProbesAsTheLayoutBefore44() throws Exception {
        assertThat(Yara.get().libraryName()).isEqualTo("libyara.so.9");
        assertThat(Yara.get().ruleLayout().identifierOffset()).isEqualTo(8);
    }

    @Test
    void findsAndReadsTheLayoutOf42() {
        Pointer rule = fakeRule(8);
        assertThat(RuleLayout.detect(rule, "fake_rule")).hasValue(8);
        assertThat(new RuleLayout(8).read(rule)).isEqualTo(expected());
    }

    @Test
    void findsAndReadsTheLayoutOf44WithoutDereferencingItsIntegersAtOffset8() {
        Pointer rule = fakeRule(16);
        assertThat(RuleLayout.detect(rule, "fake_rule")).hasValue(16);
        assertThat(new RuleLayout(16).read(rule)).isEqualTo(expected());
    }

    @Test
    void reportsAnUnknownLayout() {
        assertThat(RuleLayout.detect(fakeRule(16), "other_rule")).isEmpty();
        assertThat(RuleLayout.detect(fakeRule(8), "other_rule")).isEmpty();
    }

    private static YaraRuleInfo expected() {
        return new YaraRuleInfo("fake_rule", "fake_ns", List.of("t1", "t2"),
                YaraCompilerTest.orderedMeta("s", "text", "i", -5L, "b", true));
    }

    /** A YR_RULE as libyara lays it out: int32 flags, int32 num_atoms, [4.4+: uint32 required, uint32 unused], refs. */
    private Pointer fakeRule(int identifierOffset) {
        Memory rule = allocate(identifierOffset + 40);
        rule.clear();
        rule.setInt(0, 0);
        rule.setInt(4, 3);
        if (identifierOffset == 16) {
            rule.setInt(8, 1);
            rule.setInt(12, 0);
        }
        rule.setPointer(identifierOffset, string("fake_rule"));
        rule.setPointer(identifierOffset + 8, bytes("t1\0t2\0\0".getBytes()));
        Memory metas = allocate(3 * 32);
        metas.clear();
        meta(metas, 0, "s", 2, string("text"), 0, 0);
        meta(metas, 1, "i", 1, null, -5, 0);
        meta(metas, 2, "b", 3, null, 1, 1);
        rule.setPointer(identifierOffset + 16, metas);
        Memory ns = allocate(16);
        ns.setPointer(0, string("fake_ns"));
        rule.setPointer(identifierOffset + 32, ns);
        return rule;
    }

    private void meta(Memory metas, int index, String key, int type, Pointer text, long integer, int flags) {
        long base = index * 32L;
        metas.setPointer(base, string(key));
        metas.setPointer(base + 8, text);
        metas.setLong(base + 16, integer);
        metas.setInt(base + 24, type);
        metas.setInt(base + 28, flags);
    }

    private Memory string(String s) {
        return bytes(CString.of(s));
    }

    private Memory bytes(byte[] b) {
        Memory m = allocate(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }

    private Memory allocate(long size) {
        Memory m = new Memory(size);
        keep.add(m);
        return m;
    }

}
