package org.yaraguard.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCheckTest {

    @TempDir
    Path dir;

    private List<Problem> check(Map<String, String> configured, Map<String, String> server) {
        return new SettingsCheck(new SettingsCheck.Context(server::get, Optional.empty(), false)).check(configured);
    }

    private List<Problem> check(Map<String, String> configured) {
        return check(configured, Map.of());
    }

    @Test
    void aTypoInANameIsAnErrorWithTheNameMeant() {
        List<Problem> problems = check(Map.of("yara-guard.modee", "monitor", "yara-guard.quarantine.dirr", "/x"));

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "yara-guard.modee: unknown setting; did you mean yara-guard.mode?",
                "yara-guard.quarantine.dirr: unknown setting; did you mean yara-guard.quarantine.dir?");
        assertThat(problems).allMatch(Problem::isError);
    }

    @Test
    void aNameFarFromEveryKnownOneGetsNoGuess() {
        assertThat(check(Map.of("yara-guard.colour.scheme", "dark"))).extracting(Problem::message)
                .containsExactly("unknown setting (see the configuration table in the README)");
    }

    @Test
    void namesOutsideThePrefixAreNotOurs() {
        assertThat(check(Map.of("wildfly.home", "/opt/wildfly", "jboss.bind.address", "0.0.0.0"))).isEmpty();
    }

    @Test
    void aMisspelledModeIsAnErrorWithTheModeMeant() {
        assertThat(check(Map.of("yara-guard.mode", "enfroce"))).extracting(Problem::toString).containsExactly(
                "yara-guard.mode: \"enfroce\" is not one of enforce, monitor; did you mean \"enforce\"?");
    }

    @Test
    void badValuesOfEachKindAreErrors() {
        List<Problem> problems = check(Map.of(
                "yara-guard.on.timeout", "refuse",
                "yara-guard.approval.ttl", "an hour",
                "yara-guard.max.object.bytes", "4 gigs",
                "yara-guard.scan.timeout", "0",
                "yara-guard.reject.status", "0x0000",
                "yara-guard.mode.aet", "CT1=monitr",
                "yara-guard.policy", "rule*=log",
                "yara-guard.startup.policy", "open",
                "yara-guard.stow.url", "ftp://pacs/studies"));

        assertThat(problems).allMatch(Problem::isError).extracting(Problem::name).containsExactlyInAnyOrder(
                "yara-guard.on.timeout", "yara-guard.approval.ttl", "yara-guard.max.object.bytes",
                "yara-guard.scan.timeout", "yara-guard.reject.status", "yara-guard.mode.aet", "yara-guard.policy",
                "yara-guard.startup.policy", "yara-guard.stow.url");
        assertThat(problems).filteredOn(p -> p.name().equals("yara-guard.approval.ttl")).extracting(Problem::message)
                .containsExactly("\"an hour\" is not a duration (e.g. 30d, 12h, 45m, 90s, PT2H)");
    }

    @Test
    void goodValuesOfEachKindPass() {
        assertThat(check(Map.of(
                "yara-guard.on.timeout", "LOG",
                "yara-guard.approval.ttl", "PT30M",
                "yara-guard.max.object.bytes", "4GiB",
                "yara-guard.spool.memory.bytes", "8m",
                "yara-guard.reject.status", "42752",
                "yara-guard.mode.aet", "CT1=monitor, MR2=enforce",
                "yara-guard.policy", "rule:*_pua=log,tag:x=tag",
                "yara-guard.stow.url", "https://pacs:8443/dcm4chee-arc/aets/DCM4CHEE/rs/studies",
                "yara-guard.mode", ""))).isEmpty();
    }

    @Test
    void anExpressionIsCheckedAfterSubstitution() {
        Map<String, String> env = Map.of("env.GUARD_MODE", "monitr");

        assertThat(check(Map.of("yara-guard.mode", "${env.GUARD_MODE:enforce}"), env))
                .extracting(Problem::toString).containsExactly(
                        "yara-guard.mode: \"monitr\" is not one of enforce, monitor; did you mean \"monitor\"?");
        assertThat(check(Map.of("yara-guard.mode", "${env.GUARD_MODE:enforce}"))).isEmpty();
        assertThat(check(Map.of("yara-guard.mode", "${env.GUARD_MODE:enfroce}"))).singleElement()
                .matches(Problem::isError);
    }

    @Test
    void anExpressionThatCannotBeResolvedHereIsANoteForTheServer() {
        List<Problem> problems = check(Map.of("yara-guard.mode", "${env.GUARD_MODE}",
                "yara-guard.findings.log", "${jboss.server.log.dir}/findings.log"));

        assertThat(problems).hasSize(2).noneMatch(Problem::isError);
        assertThat(problems.get(0).message()).isEqualTo(
                "\"${jboss.server.log.dir}/findings.log\": jboss.server.log.dir cannot be resolved here;"
                        + " the server checks it at start");
    }

    @Test
    void folderExpressionsResolveThroughServerFolders() throws IOException {
        Path log = Files.createDirectories(dir.resolve("log"));

        assertThat(check(Map.of("yara-guard.findings.log", "${jboss.server.log.dir}/findings.log"),
                Map.of("jboss.server.log.dir", log.toString()))).isEmpty();
        assertThat(check(Map.of("yara-guard.findings.log", "${jboss.server.log.dir}/findings.log"),
                Map.of("jboss.server.log.dir", dir.resolve("created-by-the-server").toString()))).isEmpty();
    }

    @Test
    void aMissingRulesFolderIsAnErrorUnlessTheInstallCreatesIt() {
        Map<String, String> configured = Map.of("yara-guard.rules.dir", dir.resolve("rules").toString());

        assertThat(check(configured)).singleElement().matches(Problem::isError)
                .extracting(Problem::message).asString().endsWith("does not exist");
        assertThat(new SettingsCheck(new SettingsCheck.Context(n -> null, Optional.empty(), true)).check(configured))
                .noneMatch(Problem::isError);
    }

    @Test
    void aFolderTheServerUserCannotWriteIsAnErrorNamingOwnerAndMode() throws IOException {
        Path quarantine = Files.createDirectories(dir.resolve("quarantine"));
        Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rwxr-xr-x"));
        String me = System.getProperty("user.name");
        Path passwd = Files.writeString(dir.resolve("passwd"), me + ":x:0:0::/root:/bin/sh\n"
                + "wildfly:x:1000:1000::/opt/wildfly:/bin/sh\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nwildfly:x:1000:\n");
        UnixAccounts accounts = new UnixAccounts(passwd, group);
        Map<String, String> configured = Map.of("yara-guard.quarantine.dir", quarantine.toString());

        List<Problem> asWildfly = new SettingsCheck(new SettingsCheck.Context(n -> null, Optional.of("wildfly"), false),
                accounts).check(configured);

        assertThat(asWildfly).singleElement().matches(Problem::isError).extracting(Problem::message).asString()
                .contains("mode rwxr-xr-x: user wildfly cannot write it");
        Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(new SettingsCheck(new SettingsCheck.Context(n -> null, Optional.of("wildfly"), false), accounts)
                .check(configured)).isEmpty();
    }

    @Test
    void anUnknownServerUserIsANoteNotAGuess() {
        UnixAccounts none = new UnixAccounts(dir.resolve("no-passwd"), dir.resolve("no-group"));

        assertThat(new SettingsCheck(new SettingsCheck.Context(n -> null, Optional.of("ghost"), false), none)
                .check(Map.of())).singleElement().matches(p -> !p.isError());
    }
}
