package org.yaraguard.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YaraCompilerTest {

    private static YaraRules compile(YaraCompiler compiler) throws YaraCompileException {
        return compiler.compile();
    }

    @Test
    void readsIdentifierNamespaceTagsAndMetaOfEveryType() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("ns_one", """
                rule first : alpha beta {
                  meta:
                    action = "reject"
                    severity = 7
                    negative = -3
                    enabled = true
                    disabled = false
                    description = "caf\\xc3\\xa9"
                  condition: true
                }
                private rule hidden { condition: true }
                rule second { condition: hidden }
                """, "one.yar");
        compiler.addSource("ns_two", "rule third : gamma { condition: false }", "two.yar");
        try (YaraRules rules = compile(compiler)) {
            assertThat(rules.rules()).containsExactly(
                    new YaraRuleInfo("first", "ns_one", List.of("alpha", "beta"), orderedMeta(
                            "action", "reject", "severity", 7L, "negative", -3L, "enabled", true, "disabled", false,
                            "description", "café")),
                    new YaraRuleInfo("second", "ns_one", List.of(), Map.of()),
                    new YaraRuleInfo("third", "ns_two", List.of("gamma"), Map.of()));
            assertThat(rules.rules().get(0).meta().keySet())
                    .containsExactly("action", "severity", "negative", "enabled", "disabled", "description");
        }
    }

    @Test
    void reportsEveryFailingSourceWithFileAndLine() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("a", "rule ok_a { condition: true }", "a.yar");
        compiler.addSource("b", "rule broken_b {\n  condition:\n    nosuchthing\n}\n", "b.yar");
        compiler.addSource("c", "rule ok_c { condition: true }", "c.yar");
        compiler.addSource("d", "\n\nrule broken_d { strings: $x = \"x\" condition: $x and }", "d.yar");
        assertThatThrownBy(() -> compile(compiler))
                .isInstanceOfSatisfying(YaraCompileException.class, e -> {
                    assertThat(e.errors()).extracting(CompileError::file, CompileError::line)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("b.yar", 3),
                                    org.assertj.core.groups.Tuple.tuple("d.yar", 3));
                    assertThat(e.errors().get(0).message()).contains("nosuchthing");
                    assertThat(e.errors().get(1).message()).contains("syntax error");
                    assertThat(e.getMessage()).contains("b.yar:3: ").contains("d.yar:3: ");
                });
    }

    @Test
    void refusesASourceWithANulCharacter() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("a", "rule a { condition: true }\0rule hidden { condition: true }", "a.yar");
        assertThatThrownBy(() -> compile(compiler)).isInstanceOfSatisfying(YaraCompileException.class,
                e -> assertThat(e.errors()).containsExactly(new CompileError("a.yar", 0, "source contains a NUL character")));
    }

    @Test
    void refusesIncludesWithoutResolver() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource("a", "\ninclude \"/etc/passwd\"\nrule a { condition: true }", "a.yar");
        assertThatThrownBy(() -> compile(compiler))
                .isInstanceOfSatisfying(YaraCompileException.class, e -> assertThat(e.errors())
                        .containsExactly(new CompileError("a.yar", 2,
                                "include \"/etc/passwd\" refused: includes are not allowed here")));
    }

    @Test
    void resolvesNestedIncludesThroughTheResolver() throws Exception {
        List<String> asked = new ArrayList<>();
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.setIncludeResolver((name, including) -> {
            asked.add(including + "->" + name);
            return switch (name) {
                case "lib/common.yar" -> "include \"lib/deeper.yar\"\nrule common { condition: deeper }";
                case "lib/deeper.yar" -> "rule deeper { condition: true }";
                default -> throw new IOException("outside the rules folder");
            };
        });
        compiler.addSource("main", "include \"lib/common.yar\"\nrule main { condition: common }", "main.yar");
        try (YaraRules rules = compile(compiler)) {
            assertThat(rules.rules()).extracting(YaraRuleInfo::identifier).containsExactly("deeper", "common", "main");
        }
        assertThat(asked).containsExactly("main.yar->lib/common.yar", "lib/common.yar->lib/deeper.yar");
    }

    @Test
    void reportsRefusalFromResolverAndErrorsInsideIncludedFiles() throws Exception {
        YaraCompiler refusing = Yara.get().newCompiler();
        refusing.setIncludeResolver((name, including) -> {
            throw new IOException("outside the rules folder");
        });
        refusing.addSource("main", "include \"../x.yar\"", "main.yar");
        assertThatThrownBy(() -> compile(refusing))
                .isInstanceOfSatisfying(YaraCompileException.class, e -> assertThat(e.errors()).containsExactly(
                        new CompileError("main.yar", 1, "include \"../x.yar\" refused: outside the rules folder")));

        YaraCompiler broken = Yara.get().newCompiler();
        broken.setIncludeResolver((name, including) -> "rule inc {\n condition:\n  undefined_thing\n}");
        broken.addSource("main", "include \"inc.yar\"", "main.yar");
        assertThatThrownBy(() -> compile(broken))
                .isInstanceOfSatisfying(YaraCompileException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).file()).isEqualTo("inc.yar");
                    assertThat(e.errors().get(0).line()).isEqualTo(3);
                });
    }

    @Test
    void rejectsUnsupportedOrDuplicateExternals() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        assertThatThrownBy(() -> compiler.defineExternal("x", new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compiler.defineExternal("x", null)).isInstanceOf(IllegalArgumentException.class);
        compiler.defineExternal("x", 1);
        assertThatThrownBy(() -> compiler.defineExternal("x", 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compilesOnlyOnce() throws Exception {
        YaraCompiler compiler = Yara.get().newCompiler();
        compiler.addSource(null, "rule r { condition: true }", "r.yar");
        try (YaraRules rules = compile(compiler)) {
            assertThat(rules.rules()).extracting(YaraRuleInfo::namespace).containsExactly("default");
        }
        assertThatThrownBy(() -> compile(compiler)).isInstanceOf(IllegalStateException.class);
    }

    static Map<String, Object> orderedMeta(Object... keyValues) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            meta.put((String) keyValues[i], keyValues[i + 1]);
        }
        return meta;
    }
}
