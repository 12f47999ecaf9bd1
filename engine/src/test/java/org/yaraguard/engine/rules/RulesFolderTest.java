package org.yaraguard.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.spool.Sha256;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.engine.yara.YaraMatch;

class RulesFolderTest {

    @TempDir
    Path folder;

    @Test
    void compilesEveryRuleFileRecursivelyEachInItsOwnNamespace() throws Exception {
        write("a.yar", rule("Alpha", "alpha"));
        write("vendor/b.yara", rule("Alpha", "beta"));
        write("notes.txt", "not a rule");
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            RuleSet ruleSet = rules.current().orElseThrow();
            assertThat(ruleSet.files()).extracting(RuleFile::path).containsExactly("a.yar", "vendor/b.yara");
            assertThat(ruleSet.rules().rules()).extracting(r -> r.namespace() + ":" + r.identifier())
                    .containsExactlyInAnyOrder("a.yar:Alpha", "vendor/b.yara:Alpha");
            assertThat(matches(rules, "xx beta xx")).containsExactly("vendor/b.yara:Alpha");
        }
    }

    @Test
    void identityIsTheHashOfPathsAndContents() throws Exception {
        write("a.yar", rule("Alpha", "alpha"));
        String first;
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            first = rules.current().orElseThrow().id();
        }
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.current().orElseThrow().id()).isEqualTo(first).hasSize(64);
        }
        write("a.yar", rule("Alpha", "alphA"));
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.current().orElseThrow().id()).isNotEqualTo(first);
        }
    }

    @Test
    void identityChangesWithAnIncludedFileOrARenameAndEachFileCarriesItsOwnHash() throws Exception {
        write("a.yar", "include \"strings.inc\"\n" + rule("Alpha", "alpha"));
        write("strings.inc", "// one\n");
        List<String> ids = new ArrayList<>();
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            RuleSet ruleSet = rules.current().orElseThrow();
            ids.add(ruleSet.id());
            assertThat(ruleSet.files()).singleElement().extracting(RuleFile::sha256)
                    .isEqualTo(Sha256.of(ByteBuffer.wrap(Files.readAllBytes(folder.resolve("a.yar")))));
        }
        write("strings.inc", "// two\n");
        ids.add(openedId());
        Files.move(folder.resolve("a.yar"), folder.resolve("b.yar"));
        ids.add(openedId());
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void aBrokenFileRefusesTheWholeFolderAndKeepsTheRulesInForce() throws Exception {
        write("a.yar", rule("Alpha", "alpha"));
        List<List<CompileError>> refusals = new CopyOnWriteArrayList<>();
        try (RulesFolder rules = RulesFolder.open(folder, new RulesFolder.Options(null, listener(refusals)))) {
            String good = rules.current().orElseThrow().id();
            write("b.yar", "rule Broken {\n  strings: $a = \"x\"\n  condition: $a and nosuch\n}\n");
            write("c.yar", rule("Gamma", "gamma"));
            assertThat(rules.reload()).isFalse();
            assertThat(rules.current().orElseThrow().id()).isEqualTo(good);
            assertThat(rules.lastErrors()).singleElement().satisfies(error -> {
                assertThat(error.file()).isEqualTo("b.yar");
                assertThat(error.line()).isEqualTo(3);
            });
            assertThat(refusals).hasSize(1);
            assertThat(matches(rules, "alpha gamma")).containsExactly("a.yar:Alpha");
            assertThat(rules.reload()).as("the same broken state is not compiled again").isFalse();
            assertThat(refusals).hasSize(1);
        }
    }

    @Test
    void aFolderThatNeverCompiledHasNoRuleSet() throws Exception {
        write("a.yar", "rule {");
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.current()).isEmpty();
            assertThat(rules.activate()).isEmpty();
            assertThat(rules.lastErrors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo("a.yar"));
        }
    }

    @Test
    void emptyFoldersAndCompiledRuleFilesAreRefused() throws Exception {
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.current()).isEmpty();
            assertThat(rules.lastErrors()).singleElement().satisfies(e -> assertThat(e.message()).contains("no *.yar"));
        }
        write("a.yar", rule("Alpha", "alpha"));
        Files.write(folder.resolve("old.yarc"), new byte[] {'Y', 'A', 'R', 'A'});
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.current()).isEmpty();
            assertThat(rules.lastErrors()).singleElement().satisfies(e -> {
                assertThat(e.file()).isEqualTo("old.yarc");
                assertThat(e.message()).contains("compiled rule files are not accepted");
            });
        }
    }

    @Test
    void includesResolveInsideTheFolderOnly() throws Exception {
        write("common/strings.inc", rule("Included", "included"));
        write("main.yar", "include \"common/strings.inc\"\n" + rule("Main", "main"));
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(matches(rules, "included main")).containsExactlyInAnyOrder("main.yar:Included", "main.yar:Main");
        }
        Path outside = Files.createTempFile("outside", ".yar");
        Files.writeString(outside, rule("Outside", "outside"));
        write("main.yar", "include \"../" + outside.getFileName() + "\"\n" + rule("Main", "main"));
        write("escape.yar", "include \"" + outside + "\"\n" + rule("Escape", "escape"));
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.current()).isEmpty();
            assertThat(rules.lastErrors()).extracting(CompileError::file).contains("main.yar", "escape.yar");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void nestedRelativeIncludesResolveAgainstTheIncludingFileLikeYara() throws Exception {
        write("main.yar", "include \"vendor/set/all.inc\"\n" + rule("Main", "main"));
        write("vendor/set/all.inc", "include \"parts/a.inc\"\ninclude \"c.inc\"\n");
        write("vendor/set/parts/a.inc", "include \"b.inc\"\ninclude \"deeper/a.inc\"\ninclude \"d.inc\"\n"
                + rule("A", "part-a"));
        write("vendor/set/parts/deeper/a.inc", rule("DeeperA", "deeper-a"));
        write("vendor/set/parts/b.inc", rule("B", "part-b"));
        write("vendor/set/parts/d.inc", rule("D", "part-d"));
        write("vendor/set/c.inc", rule("C", "part-c"));
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.lastErrors()).isEmpty();
            assertThat(matches(rules, "part-a part-b part-c part-d deeper-a main")).containsExactlyInAnyOrder(
                    "main.yar:A", "main.yar:B", "main.yar:C", "main.yar:D", "main.yar:DeeperA", "main.yar:Main");
        }
    }

    @Test
    void aKubernetesConfigMapMountIsCompiledOnceThroughItsLinks() throws Exception {
        write("..2026_11_30_14_00_00.123456789/vendor.yar", rule("Vendor", "vendor"));
        write("..2026_11_30_14_00_00.123456789/local.yar", rule("Local", "local"));
        Files.createSymbolicLink(folder.resolve("..data"), Path.of("..2026_11_30_14_00_00.123456789"));
        Files.createSymbolicLink(folder.resolve("vendor.yar"), Path.of("..data/vendor.yar"));
        Files.createSymbolicLink(folder.resolve("local.yar"), Path.of("..data/local.yar"));
        Files.createSymbolicLink(folder.resolve("itself"), folder);
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.lastErrors()).isEmpty();
            assertThat(rules.current().orElseThrow().files()).extracting(RuleFile::path)
                    .containsExactly("local.yar", "vendor.yar");
            assertThat(matches(rules, "vendor local")).containsExactlyInAnyOrder("local.yar:Local", "vendor.yar:Vendor");
        }
    }

    @Test
    void aVariableOfAnotherScannerIsExplainedWithTheOnesThatExist() throws Exception {
        write("loki.yar", "rule Hash_Check { condition: md5 == \"d41d8cd98f00b204e9800998ecf8427e\" }\n");
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            assertThat(rules.lastErrors()).singleElement().satisfies(e -> assertThat(e.message())
                    .startsWith("undefined identifier \"md5\"").contains("filename, filepath, extension", "rules/README.md"));
        }
    }

    @Test
    void watchedFolderPicksUpANewRuleWithoutRestart() throws Exception {
        write("a.yar", rule("Alpha", "alpha"));
        List<RuleSet> loaded = new CopyOnWriteArrayList<>();
        RuleSetListener listener = new RuleSetListener() {
            @Override
            public void loaded(RuleSet ruleSet) {
                loaded.add(ruleSet);
            }

            @Override
            public void refused(String folderId, List<CompileError> errors) {
            }
        };
        try (RulesFolder rules = RulesFolder.open(folder,
                RulesFolder.Options.watching(Duration.ofMillis(100), listener))) {
            assertThat(loaded).hasSize(1);
            write("b.yar", rule("Beta", "beta"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (loaded.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(loaded).hasSize(2);
            assertThat(matches(rules, "beta")).containsExactly("b.yar:Beta");
        }
    }

    @Test
    void aLeaseKeepsReplacedRulesAliveUntilClosed() throws Exception {
        write("a.yar", rule("Alpha", "alpha"));
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            try (ActiveRules old = rules.activate().orElseThrow()) {
                write("a.yar", rule("Alpha2", "alpha"));
                assertThat(rules.reload()).isTrue();
                List<YaraMatch> stillWorking = old.lease().scan(direct("alpha"), Map.of(), Duration.ofSeconds(5));
                assertThat(stillWorking).extracting(m -> m.rule().identifier()).containsExactly("Alpha");
            }
            assertThat(matches(rules, "alpha")).containsExactly("a.yar:Alpha2");
        }
    }

    private static RuleSetListener listener(List<List<CompileError>> refusals) {
        return new RuleSetListener() {
            @Override
            public void loaded(RuleSet ruleSet) {
            }

            @Override
            public void refused(String folderId, List<CompileError> errors) {
                refusals.add(errors);
            }
        };
    }

    private static List<String> matches(RulesFolder rules, String text) throws Exception {
        try (ActiveRules active = rules.activate().orElseThrow()) {
            List<String> names = new ArrayList<>();
            for (YaraMatch match : active.lease().scan(direct(text), Map.of(), Duration.ofSeconds(5))) {
                names.add(match.rule().namespace() + ":" + match.rule().identifier());
            }
            return names;
        }
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private static String rule(String name, String text) {
        return "rule " + name + " {\n  strings:\n    $s = \"" + text + "\"\n  condition:\n    $s\n}\n";
    }

    private String openedId() throws Exception {
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once())) {
            return rules.current().orElseThrow().id();
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
