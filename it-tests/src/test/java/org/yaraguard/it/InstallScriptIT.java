package org.yaraguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh and uninstall.sh of the release bundle (dist/target/yara-guard-VERSION.tar.gz, unpacked: no Maven,
 * no source) against a copy of the test WildFly's files that the scripts look at: idempotent, the archive's
 * configuration found without being named, the command line installed with the server's folders, everything removed
 * again but the data, and a clear refusal for a folder that is not a WildFly. (The other integration tests run the
 * source tree's deployment/install.sh on the real server.)
 */
class InstallScriptIT {

    private static final Path DIST = Path.of("..", "dist", "target").toAbsolutePath().normalize();

    @TempDir
    static Path unpacked;

    static Path bundle;

    @TempDir
    Path temp;

    Path prefix;

    Path home;
    Path archiveConfig;
    Path standaloneConfig;
    Path rules;

    @BeforeAll
    static void unpackBundle() throws Exception {
        Path tarball;
        try (Stream<Path> files = Files.list(DIST)) {
            tarball = files.filter(f -> f.getFileName().toString().matches("yara-guard-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bundle in " + DIST + ": run mvn package"));
        }
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        String folder = tarball.getFileName().toString().replace(".tar.gz", "");
        bundle = unpacked.resolve(folder);
    }

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
        prefix = temp.resolve("opt/yara-guard");
    }

    @Test
    void theBundleHoldsEverythingAnAdministratorNeeds() {
        assertThat(bundle.resolve("module/org/yaraguard/main")).isDirectoryContaining("glob:**/module.xml")
                .isDirectoryContaining("glob:**/yara-guard-interceptor.jar")
                .isDirectoryContaining("glob:**/yara-guard-engine.jar").isDirectoryContaining("glob:**/jna.jar");
        assertThat(bundle.resolve("console/yara-guard-console.war")).isRegularFile();
        assertThat(bundle.resolve("lib/yara-guard.jar")).isRegularFile();
        assertThat(bundle.resolve("lib/yara-guard-installer.jar")).isRegularFile();
        assertThat(bundle.resolve("bin/yara-guard")).isExecutable();
        assertThat(bundle.resolve("install.sh")).isExecutable();
        assertThat(bundle.resolve("uninstall.sh")).isExecutable();
        assertThat(bundle.resolve("rules/default")).isDirectoryContaining("glob:**.yar");
        assertThat(bundle.resolve("docs/README.md")).isRegularFile();
        assertThat(bundle.resolve("docs/deployment/README.md")).isRegularFile();
        assertThat(bundle.resolve("docs/rules/README.md")).isRegularFile();
    }

    @Test
    void theLauncherPrintsNoJavaWarningOnAnyInstalledRuntime() throws Exception {
        // Java 22+ warns about JNA's native access and 23+ about Unsafe.invokeCleaner on every run unless told not
        // to, and Java 17 refuses the option that tells 23+: each JDK 17+ here is tried (17 always, 25 on most CI).
        List<Path> runtimes = new ArrayList<>();
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jvm : jvms.toList()) {
                if (Files.isExecutable(jvm.resolve("bin/java")) && featureRelease(jvm) >= 17
                        && !runtimes.contains(jvm.toRealPath())) {
                    runtimes.add(jvm.toRealPath());
                }
            }
        }
        assertThat(runtimes).isNotEmpty();
        Path object = Files.write(temp.resolve("object.bin"), new byte[] {1, 2, 3});
        for (Path runtime : runtimes) {
            ProcessBuilder scan = new ProcessBuilder(bundle.resolve("bin/yara-guard").toString(), "scan", "--rules",
                    bundle.resolve("rules/default").toString(), object.toString()).redirectErrorStream(true);
            scan.environment().put("JAVA_HOME", runtime.toString());
            Process process = scan.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as(runtime.toString()).contains("1 objects:").doesNotContain("WARNING");
        }
    }

    @Test
    void theCommandLineIsInstalledWithTheServersFoldersAndRunsThroughASymlink() throws Exception {
        Run installed = run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString(), "--property", "yara-guard.mode=monitor");
        assertThat(installed.status()).as(installed.output()).isZero();

        Properties host = new Properties();
        try (Reader in = Files.newBufferedReader(prefix.resolve("etc/yara-guard.properties"))) {
            host.load(in);
        }
        assertThat(host.getProperty("yara-guard.rules.dir")).isEqualTo(rules.toString());
        assertThat(host.getProperty("yara-guard.mode")).isEqualTo("monitor");
        assertThat(host.getProperty("yara-guard.quarantine.dir"))
                .isEqualTo(home.resolve("standalone/data/yara-guard/quarantine").toString());
        assertThat(host.getProperty("wildfly.home")).isEqualTo(home.toString());
        assertThat(host.getProperty("server.config")).isEqualTo(archiveConfig.toString());
        assertThat(Path.of(host.getProperty("yara-guard.quarantine.dir"))).isDirectory();
        assertThat(Files.getPosixFilePermissions(prefix.resolve("etc/yara-guard.properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(prefix.resolve("lib")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(home.resolve("standalone/deployments/yara-guard-console.war")).isRegularFile();

        Path onPath = Files.createDirectories(temp.resolve("usr-local-bin")).resolve("yara-guard");
        Files.createSymbolicLink(onPath, prefix.resolve("bin/yara-guard"));
        Process version = new ProcessBuilder(onPath.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).as(output).isZero();
        assertThat(output).contains("yara-guard").doesNotContain("mvn", "Maven");
    }

    @Test
    void theInstalledCommandLineChecksTheServersConfigurationWithNoFlags() throws Exception {
        assertThat(run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString(), "--property", "yara-guard.mode=monitor").status()).isZero();

        Process check = new ProcessBuilder(prefix.resolve("bin/yara-guard").toString(), "config", "check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains(prefix.resolve("etc/yara-guard.properties") + ": valid");
    }

    @Test
    void aConfigurationThatDoesNotValidateIsRefusedAndNothingChanges() throws Exception {
        String before = Files.readString(archiveConfig);

        Run refused = run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString(), "--property", "yara-guard.modee=x", "--property", "yara-guard.mode=enfroce");

        assertThat(refused.status()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("yara-guard.modee: unknown setting; did you mean yara-guard.mode?",
                "did you mean \"enforce\"?", "nothing was changed");
        assertThat(Files.readString(archiveConfig)).isEqualTo(before);
        assertThat(home.resolve("modules/org/yaraguard")).doesNotExist();
        assertThat(home.resolve("standalone/deployments/yara-guard-console.war")).doesNotExist();
        assertThat(prefix).doesNotExist();
        assertThat(rules).doesNotExist();
    }

    @Test
    void uninstallKeepsTheDataUnlessAskedToPurgeIt() throws Exception {
        assertThat(run("install.sh", home.toString(), "--prefix", prefix.toString()).status()).isZero();
        Path quarantine = home.resolve("standalone/data/yara-guard/quarantine");
        Files.writeString(quarantine.resolve("entry.json"), "{}");
        Path findings = Files.createDirectories(home.resolve("standalone/log")).resolve("yara-guard-findings.log");
        Files.writeString(findings, "{}\n");
        Path seeded = home.resolve("standalone/configuration/yara-guard/rules");
        assertThat(seeded.resolve("default")).isDirectoryContaining("glob:**.yar");

        Run kept = run("uninstall.sh", home.toString(), "--prefix", prefix.toString());
        assertThat(kept.status()).as(kept.output()).isZero();
        assertThat(quarantine.resolve("entry.json")).exists();
        assertThat(findings).exists();
        assertThat(seeded.resolve("default")).isDirectoryContaining("glob:**.yar");

        assertThat(run("install.sh", home.toString(), "--prefix", prefix.toString()).status()).isZero();
        Path data = home.resolve("standalone/data/yara-guard");
        List<Path> alsoData = List.of(data.resolve("hunts"), data.resolve("audit-spool"), data.resolve("rules-cache"));
        for (Path folder : alsoData) {
            Files.writeString(Files.createDirectories(folder).resolve("kept-until-purged"), "x");
        }
        Run purged = run("uninstall.sh", home.toString(), "--prefix", prefix.toString(), "--purge-data");
        assertThat(purged.status()).as(purged.output()).isZero();
        assertThat(quarantine).doesNotExist();
        assertThat(findings).doesNotExist();
        assertThat(seeded).doesNotExist();
        assertThat(alsoData).allSatisfy(folder -> assertThat(folder).doesNotExist());
        assertThat(home.resolve("standalone/configuration")).isDirectory();
    }

    @Test
    void installTwiceChangesNothingTheSecondTimeAndEditsTheArchivesConfiguration() throws Exception {
        String before = Files.readString(standaloneConfig);

        Run first = run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString(), "--property", "yara-guard.mode=monitor");
        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains(archiveConfig.toString());
        String installed = Files.readString(archiveConfig);
        assertThat(installed).contains("org.yaraguard", "yara-guard.mode", "monitor", rules.toString());
        assertThat(Files.readString(standaloneConfig)).as("only the configuration in use is edited").isEqualTo(before);
        Path module = home.resolve("modules/org/yaraguard/main");
        assertThat(module.resolve("module.xml")).exists();
        assertThat(module.resolve("yara-guard-engine.jar")).exists();
        assertThat(module.resolve("jna.jar")).exists();
        assertThat(rules.resolve("default")).isDirectoryContaining("glob:**.yar");

        Run second = run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString(), "--property", "yara-guard.mode=monitor");
        assertThat(second.status()).as(second.output()).isZero();
        assertThat(Files.readString(archiveConfig)).isEqualTo(installed);
        assertThat(countOf(installed, "name=\"org.yaraguard\"")).isEqualTo(1);
    }

    @Test
    void aReinstallRefreshesTheDefaultRulesMigratesAFlatCopyAndKeepsLocalRules() throws Exception {
        Path shipped = bundle.resolve("rules/default/eicar.yar");
        Files.createDirectories(rules.resolve("local"));
        Files.copy(shipped, rules.resolve("eicar.yar"));
        String changed = "rule Changed { condition: false }";
        Files.writeString(rules.resolve("containers.yar"), changed);
        String local = "rule Site { condition: false }";
        Files.writeString(rules.resolve("local/site.yar"), local);

        Run first = run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString());
        assertThat(first.status()).as(first.output()).isZero();
        assertThat(rules.resolve("eicar.yar")).as("an unchanged flat copy moves into default/").doesNotExist();
        assertThat(rules.resolve("default/eicar.yar")).hasSameBinaryContentAs(shipped);
        assertThat(rules.resolve("containers.yar")).as("a changed flat copy is the administrator's").hasContent(changed);
        assertThat(first.output()).contains("left " + rules.resolve("containers.yar"));

        Files.writeString(rules.resolve("default/eicar.yar"), changed);
        Files.writeString(rules.resolve("default/retired.yar"), changed);
        Run second = run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString());
        assertThat(second.status()).as(second.output()).isZero();
        assertThat(rules.resolve("default/eicar.yar")).hasSameBinaryContentAs(shipped);
        assertThat(rules.resolve("default/retired.yar")).doesNotExist();
        assertThat(rules.resolve("local/site.yar")).hasContent(local);
        assertThat(rules.resolve("containers.yar")).hasContent(changed);
        try (Stream<Path> entries = Files.list(rules)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no staging folder is left behind")
                    .containsExactlyInAnyOrder("default", "local", "containers.yar");
        }
    }

    @Test
    void uninstallRemovesModuleSettingsConsoleAndCommandLineButKeepsTheRules() throws Exception {
        assertThat(run("install.sh", home.toString(), "--rules-dir", rules.toString(), "--prefix",
                prefix.toString()).status()).isZero();
        Files.writeString(rules.resolve("local.yar"), "rule Local { condition: false }");
        Path deployments = home.resolve("standalone/deployments");
        Files.writeString(deployments.resolve("yara-guard-console.war.deployed"), "");
        Files.writeString(deployments.resolve("archive.ear.deployed"), "");

        Run removed = run("uninstall.sh", home.toString(), "--prefix", prefix.toString());
        assertThat(removed.status()).as(removed.output()).isZero();
        String config = Files.readString(archiveConfig);
        assertThat(config).doesNotContain("org.yaraguard").doesNotContain("yara-guard.");
        assertThat(home.resolve("modules/org/yaraguard")).doesNotExist();
        assertThat(rules.resolve("local.yar")).exists();
        assertThat(deployments).isDirectoryNotContaining("glob:**/yara-guard-console.war*")
                .isDirectoryContaining("glob:**/archive.ear.deployed");
        assertThat(prefix).doesNotExist();

        Run again = run("uninstall.sh", home.toString(), "--prefix", prefix.toString());
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(Files.readString(archiveConfig)).isEqualTo(config);
    }

    @Test
    void refusesANonWildFlyAndAnUnwritablePrefixBeforeAnyChangeAndBadUsageIsStatusTwo() throws Exception {
        Path notWildFly = Files.createDirectories(temp.resolve("not-wildfly"));

        Run refused = run("install.sh", notWildFly.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains("is not a WildFly installation");
        assertThat(notWildFly).isEmptyDirectory();

        assertThat(run("uninstall.sh", notWildFly.toString()).status()).isEqualTo(1);
        assertThat(run("install.sh", home.toString(), "--no-such-option").status()).isEqualTo(2);
        assertThat(run("uninstall.sh", home.toString(), "--no-such-option").status()).isEqualTo(2);

        Path notAFolder = Files.writeString(temp.resolve("a-file"), "");
        Run unwritable = run("install.sh", home.toString(), "--prefix", notAFolder.resolve("yara-guard").toString());
        assertThat(unwritable.status()).as(unwritable.output()).isEqualTo(1);
        assertThat(unwritable.output()).contains("cannot write the command line");
        assertThat(home.resolve("modules/org/yaraguard")).as("nothing is changed").doesNotExist();
        assertThat(Files.readString(archiveConfig)).doesNotContain("org.yaraguard");
    }

    /** The runtime's feature release from its release file (JAVA_VERSION="17.0.21.1" is 17), or 0. */
    private static int featureRelease(Path jvm) throws IOException {
        Path release = jvm.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        return version.matches("\\d+.*") ? Integer.parseInt(version.split("\\D", 2)[0]) : 0;
    }

    private record Run(int status, String output) {
    }

    private static Run run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(bundle.resolve(script).toString()));
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
