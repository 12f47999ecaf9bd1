package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {

    @TempDir
    Path temp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = YaraGuard.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path properties(String text) throws IOException {
        return Files.writeString(temp.resolve("yara-guard.properties"), text);
    }

    @Test
    void aTypoInANameFailsTheCheckWithTheNameMeant() throws IOException {
        Path file = properties("yara-guard.modee=x\n");

        assertThat(run("config", "check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR yara-guard.modee: unknown setting; did you mean yara-guard.mode?",
                file + ": 1 problem");
    }

    @Test
    void aGoodHostConfigurationIsValid() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Path quarantine = Files.createDirectories(temp.resolve("quarantine"));
        Path file = properties("yara-guard.rules.dir=" + rules + "\nyara-guard.quarantine.dir=" + quarantine
                + "\nyara-guard.mode=monitor\nyara-guard.max.object.bytes=1GiB\nwildfly.home=/opt/wildfly\n");

        assertThat(run("config", "check", "--config", file.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains(file + ": valid (4 yara-guard settings)");
    }

    @Test
    void aServerConfigurationIsReadWithItsServerFoldersAndExpressions() throws IOException {
        Path configuration = Files.createDirectories(temp.resolve("standalone/configuration"));
        Files.createDirectories(configuration.resolve("yara-guard/rules"));
        Files.createDirectories(temp.resolve("standalone/log"));
        Path xml = Files.writeString(configuration.resolve("dcm4chee-arc.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server xmlns="urn:jboss:domain:20.0">
                  <system-properties>
                    <property name="yara-guard.mode" value="${env.YARA_GUARD_TEST_UNSET_MODE:enfroce}"/>
                    <property name="yara-guard.findings.log" value="${jboss.server.log.dir}/findings.log"/>
                    <property name="yara-guard.scan.timeout" value="${env.YARA_GUARD_TEST_UNSET_TIMEOUT}"/>
                  </system-properties>
                </server>
                """);

        assertThat(run("config", "check", "--config", xml.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(
                "ERROR yara-guard.mode: \"enfroce\" is not one of enforce, monitor; did you mean \"enforce\"?",
                "NOTE  yara-guard.scan.timeout: \"${env.YARA_GUARD_TEST_UNSET_TIMEOUT}\": "
                        + "env.YARA_GUARD_TEST_UNSET_TIMEOUT cannot be resolved here; the server checks it at start",
                xml + ": 1 problem");
        assertThat(out.toString()).doesNotContain("yara-guard.findings.log");
    }

    @Test
    void aServerConfigurationWithADoctypeIsNotReadAndItsDtdNotFetched() throws IOException {
        Path dtd = Files.writeString(temp.resolve("outside.dtd"), "<!ENTITY x \"leaked\">");
        Path xml = Files.writeString(temp.resolve("standalone.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE server SYSTEM "%s">
                <server><system-properties><property name="yara-guard.mode" value="&x;"/></system-properties></server>
                """.formatted(dtd.toUri()));

        assertThat(run("config", "check", "--config", xml.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read " + xml);
        assertThat(out.toString()).doesNotContain("leaked");
    }

    @Test
    void aMissingFileCannotBeChecked() {
        assertThat(run("config", "check", "--config", temp.resolve("none.properties").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no configuration at");
    }

    @Test
    void theHostConfigurationIsNamedByTheEnvironmentElseLiesInEtcBesideTheJarsFolder() {
        assertThat(HostConfig.location(Map.of("YARA_GUARD_CONFIG", "/etc/yg.properties")))
                .contains(Path.of("/etc/yg.properties"));
        assertThat(HostConfig.location(Map.of())).hasValueSatisfying(p ->
                assertThat(p.toString()).endsWith("cli/etc/yara-guard.properties"));
    }
}
