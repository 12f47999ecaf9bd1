package org.yaraguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deployment/install.sh and uninstall.sh against a copy of the test WildFly's files that the scripts look at:
 * idempotent, the archive's configuration found without being named, everything removed again, and a clear
 * refusal for a folder that is not a WildFly. (The other integration tests run install.sh on the real server.)
 */
class InstallScriptIT {

    private static final Path DEPLOYMENT = Path.of("..", "deployment").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    Path home;
    Path archiveConfig;
    Path standaloneConfig;
    Path rules;

    @BeforeEach
    void copyWildFly() throws IOException {
        Path real = Path.of(System.getProperty("jboss.home"));
        home = temp.resolve("wildfly");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("modules"));
        Files.createDirectories(home.resolve("standalone/configuration"));
        Files.copy(real.resolve("jboss-modules.jar"), home.resolve("jboss-modules.jar"));
        Files.copy(real.resolve("bin/standalone.sh"), home.resolve("bin/standalone.sh"));
        Path pristine = real.resolve("standalone/configuration/standalone.xml.before-yara-guard");
        standaloneConfig = home.resolve("standalone/configuration/standalone.xml");
        archiveConfig = home.resolve("standalone/configuration/dcm4chee-arc.xml");
        Files.copy(pristine, standaloneConfig);
        Files.copy(pristine, archiveConfig);
        rules = temp.resolve("rules");
    }

    @Test
    void installTwiceChangesNothingTheSecondTimeAndEditsTheArchivesConfiguration() throws Exception {
        String before = Files.readString(standaloneConfig);

        Run first = run("install.sh", home.toString(), "--rules-dir", rules.toString(),
                "--property", "yara-guard.mode=monitor");
        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains(archiveConfig.toString());
        String installed = Files.readString(archiveConfig);
        assertThat(installed).contains("org.yaraguard", "yara-guard.mode", "monitor", rules.toString());
        assertThat(Files.readString(standaloneConfig)).as("only the configuration in use is edited").isEqualTo(before);
        Path module = home.resolve("modules/org/yaraguard/main");
        assertThat(module.resolve("module.xml")).exists();
        assertThat(module.resolve("yara-guard-engine.jar")).exists();
        assertThat(module.resolve("jna.jar")).exists();
        assertThat(rules).isDirectoryContaining("glob:**.yar");

        Run second = run("install.sh", home.toString(), "--rules-dir", rules.toString(),
                "--property", "yara-guard.mode=monitor");
        assertThat(second.status()).as(second.output()).isZero();
        assertThat(Files.readString(archiveConfig)).isEqualTo(installed);
        assertThat(countOf(installed, "name=\"org.yaraguard\"")).isEqualTo(1);
    }

    @Test
    void uninstallRemovesModuleAndSettingsButKeepsTheRules() throws Exception {
        assertThat(run("install.sh", home.toString(), "--rules-dir", rules.toString()).status()).isZero();
        Files.writeString(rules.resolve("local.yar"), "rule Local { condition: false }");

        Run removed = run("uninstall.sh", home.toString());
        assertThat(removed.status()).as(removed.output()).isZero();
        String config = Files.readString(archiveConfig);
        assertThat(config).doesNotContain("org.yaraguard").doesNotContain("yara-guard.");
        assertThat(home.resolve("modules/org/yaraguard")).doesNotExist();
        assertThat(rules.resolve("local.yar")).exists();

        Run again = run("uninstall.sh", home.toString());
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(Files.readString(archiveConfig)).isEqualTo(config);
    }

    @Test
    void aFolderThatIsNotAWildFlyIsRefusedClearlyAndBadUsageIsStatusTwo() throws Exception {
        Path notWildFly = Files.createDirectories(temp.resolve("not-wildfly"));

        Run refused = run("install.sh", notWildFly.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains("is not a WildFly installation");
        assertThat(notWildFly).isEmptyDirectory();

        assertThat(run("uninstall.sh", notWildFly.toString()).status()).isEqualTo(1);
        assertThat(run("install.sh", home.toString(), "--no-such-option").status()).isEqualTo(2);
        assertThat(Files.readString(archiveConfig)).doesNotContain("org.yaraguard");
    }

    private record Run(int status, String output) {
    }

    private static Run run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", DEPLOYMENT.resolve(script).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s did not finish", script).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
