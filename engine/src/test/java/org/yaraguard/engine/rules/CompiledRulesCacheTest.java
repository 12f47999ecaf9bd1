package org.yaraguard.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.yara.YaraMatch;

class CompiledRulesCacheTest {

    @TempDir
    Path temp;

    @Test
    void aFolderStateCompiledOnceIsLoadedFromTheCacheAfterwards() throws Exception {
        Path rulesA = rules("a", "Alpha", "alpha");
        Path rulesB = rules("b", "Beta", "beta");
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        String keyA = compileInto(cache, rulesA);
        String keyB = compileInto(cache, rulesB);
        // The cache, not the sources, decides what a cached state runs: put B's compiled rules under A's key.
        ByteBuffer savedB = cache.read(keyB).orElseThrow();
        byte[] bytesB = new byte[savedB.remaining()];
        savedB.get(bytesB);
        cache.write(keyA, bytesB);
        try (RulesFolder loaded = RulesFolder.open(rulesA, RulesFolder.Options.once().withCache(cache))) {
            assertThat(loaded.current().orElseThrow().rules().rules()).extracting(r -> r.identifier())
                    .containsExactly("Beta");
            assertThat(matches(loaded, "xx beta xx", "x")).containsExactly("Beta");
        }
    }

    @Test
    void loadedRulesScanWithTheExternalsLikeCompiledOnes() throws Exception {
        Path folder = temp.resolve("ext");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("r.yar"), "rule InPdf { strings: $s = \"evil\" condition: $s and region == \"pdf_stream\" }\n");
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        compileInto(cache, folder);
        try (RulesFolder loaded = RulesFolder.open(folder, RulesFolder.Options.once().withCache(cache))) {
            assertThat(matches(loaded, "an evil text", "pdf_stream")).containsExactly("InPdf");
            assertThat(matches(loaded, "an evil text", "object")).isEmpty();
        }
    }

    @Test
    void compileWarningsComeBackWithRulesLoadedFromTheCache() throws Exception {
        Path folder = temp.resolve("slow");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("slow.yar"), "rule Slow { strings: $h = { 01 ?? ?? 02 } condition: $h }\n");
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        List<String> compiled;
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once().withCache(cache))) {
            compiled = rules.current().orElseThrow().warnings().stream().map(Object::toString).toList();
        }
        assertThat(compiled).isNotEmpty();
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once().withCache(cache))) {
            assertThat(rules.current().orElseThrow().warnings()).map(Object::toString).isEqualTo(compiled);
        }
    }

    @Test
    void aCorruptFileIsIgnoredAndWrittenAgain() throws Exception {
        Path folder = rules("a", "Alpha", "alpha");
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        String key = compileInto(cache, folder);
        Path file = cache.folder().resolve(key + ".yarc");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        assertThat(cache.read(key)).isEmpty();
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once().withCache(cache))) {
            assertThat(matches(rules, "xx alpha xx", "object")).containsExactly("Alpha");
        }
        assertThat(cache.read(key)).isPresent();
    }

    @Test
    void aTruncatedFileIsIgnored() throws Exception {
        Path folder = rules("a", "Alpha", "alpha");
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        String key = compileInto(cache, folder);
        Path file = cache.folder().resolve(key + ".yarc");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(cache.read(key)).isEmpty();
    }

    @Test
    void aFileThatLibyaraRefusesIsIgnoredAndWrittenAgain() throws Exception {
        Path folder = rules("a", "Alpha", "alpha");
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        String key = compileInto(cache, folder);
        cache.write(key, "not compiled rules".getBytes(StandardCharsets.US_ASCII));
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once().withCache(cache))) {
            assertThat(matches(rules, "xx alpha xx", "object")).containsExactly("Alpha");
        }
        assertThat(cache.read(key).orElseThrow().remaining()).isGreaterThan(100);
    }

    @Test
    void onlyTheNewestFolderStatesAreKept() throws Exception {
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CompiledRulesCache.KEEP + 3; i++) {
            String key = String.format("%064x", i);
            cache.write(key, ("state " + i).getBytes(StandardCharsets.US_ASCII));
            Files.setLastModifiedTime(cache.folder().resolve(key + ".yarc"), FileTime.fromMillis(1_000_000L * (i + 1)));
            keys.add(key + ".yarc");
        }
        assertThat(files(cache)).containsExactlyElementsOf(keys.subList(3, keys.size()));
        // Written again, the oldest state becomes the newest: the next write deletes the one after it instead.
        cache.write(keys.get(3).replace(".yarc", ""), "state 3 again".getBytes(StandardCharsets.US_ASCII));
        cache.write(String.format("%064x", 99), "state 99".getBytes(StandardCharsets.US_ASCII));
        assertThat(files(cache)).hasSize(CompiledRulesCache.KEEP).contains(keys.get(3)).doesNotContain(keys.get(4));
    }

    @Test
    void theFolderIsMadePrivateAndFilesAreOwnerOnly() throws Exception {
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("deep/cache")).orElseThrow();
        String key = compileInto(cache, rules("a", "Alpha", "alpha"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.folder()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.folder().resolve(key + ".yarc"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFolderOthersCanWriteOrALinkIsRefused() throws Exception {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(CompiledRulesCache.open(shared)).isEmpty();
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        assertThat(CompiledRulesCache.open(shared)).isEmpty();
        Path link = Files.createSymbolicLink(temp.resolve("link"), Files.createDirectory(temp.resolve("private")));
        assertThat(CompiledRulesCache.open(link)).isEmpty();
        assertThat(CompiledRulesCache.open(temp.resolve("private"))).isPresent();
    }

    @Test
    void aFileOthersCanWriteIsNotRead() throws Exception {
        CompiledRulesCache cache = CompiledRulesCache.open(temp.resolve("cache")).orElseThrow();
        String key = compileInto(cache, rules("a", "Alpha", "alpha"));
        Files.setPosixFilePermissions(cache.folder().resolve(key + ".yarc"), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(cache.read(key)).isEmpty();
    }

    /** Opens {@code folder} with the cache and returns the key it stored (the one new file). */
    private static String compileInto(CompiledRulesCache cache, Path folder) throws Exception {
        List<String> before = files(cache);
        try (RulesFolder rules = RulesFolder.open(folder, RulesFolder.Options.once().withCache(cache))) {
            assertThat(rules.current()).isPresent();
        }
        List<String> added = new ArrayList<>(files(cache));
        added.removeAll(before);
        assertThat(added).hasSize(1);
        return added.get(0).replace(".yarc", "");
    }

    private static List<String> files(CompiledRulesCache cache) throws IOException {
        try (Stream<Path> list = Files.list(cache.folder())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path rules(String name, String rule, String text) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("rules-" + name));
        Files.writeString(folder.resolve(name + ".yar"),
                "rule " + rule + " {\n  strings:\n    $s = \"" + text + "\"\n  condition:\n    $s\n}\n");
        return folder;
    }

    private static List<String> matches(RulesFolder rules, String text, String region) throws Exception {
        try (ActiveRules active = rules.activate().orElseThrow()) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            List<String> names = new ArrayList<>();
            for (YaraMatch match : active.lease().scan(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(),
                    Map.of(ExternalVariables.REGION, region), Duration.ofSeconds(5))) {
                names.add(match.rule().identifier());
            }
            return names;
        }
    }
}
