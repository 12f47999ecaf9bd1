package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.rules.CompiledRulesCache;
import org.yaraguard.engine.rules.RulesFolder;

class GuardRulesCacheTest {

    private static final String ALPHA = "rule Alpha { strings: $a = \"alpha\" condition: $a }\n";
    private static final String BETA = "rule Beta { strings: $b = \"beta\" condition: $b }\n";

    @TempDir
    Path temp;

    @Test
    void aRestartLoadsTheCompiledRulesFromAPrivateFolderUnderTheServerData() throws Exception {
        Map<String, String> properties = GuardFolders.under(temp, ALPHA);
        properties.put("jboss.server.data.dir", temp.resolve("data").toString());
        Path cache = temp.resolve("data/yara-guard/rules-cache");
        try (Guard guard = Guard.start(GuardSettings.from(properties::get), Clock.systemUTC())) {
            assertThat(identifiers(guard)).containsExactly("Alpha");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        Path saved = single(cache);
        // What the restart runs comes from the cache, not from compiling the folder: put Beta's compilation there.
        Files.write(saved, Files.readAllBytes(compiledElsewhere(BETA)));
        try (Guard guard = Guard.start(GuardSettings.from(properties::get), Clock.systemUTC())) {
            assertThat(identifiers(guard)).containsExactly("Beta");
        }
    }

    @Test
    void withoutAServerDataFolderThereIsNoCache() throws Exception {
        assertThat(GuardSettings.from(GuardFolders.under(temp, ALPHA)::get).rulesCacheDir()).isNull();
    }

    private static List<String> identifiers(Guard guard) {
        return guard.ruleSet().orElseThrow().rules().rules().stream().map(rule -> rule.identifier()).toList();
    }

    /** The one compiled-rules file of {@code rules} compiled into a cache of its own. */
    private Path compiledElsewhere(String rules) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("other-rules"));
        Files.writeString(folder.resolve("other.yar"), rules);
        CompiledRulesCache other = CompiledRulesCache.open(temp.resolve("other-cache")).orElseThrow();
        try (RulesFolder compiled = RulesFolder.open(folder, RulesFolder.Options.once().withCache(other))) {
            assertThat(compiled.current()).isPresent();
        }
        return single(other.folder());
    }

    private static Path single(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
