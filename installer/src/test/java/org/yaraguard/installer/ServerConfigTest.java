package org.yaraguard.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path temp;

    @Test
    void installsIntoAPlainStandaloneXmlInSchemaOrder() throws IOException {
        Path file = copy("standalone.xml");

        assertThat(tool("install", file, "org.yaraguard", "yara-guard.mode=monitor",
                "yara-guard.rules.dir=${jboss.server.config.dir}/yara-guard/rules")).isZero();

        String xml = Files.readString(file);
        assertThat(xml.indexOf("<system-properties>")).isGreaterThan(xml.indexOf("</extensions>"))
                .isLessThan(xml.indexOf("<management>"));
        assertThat(xml.indexOf("<global-modules>"))
                .isGreaterThan(xml.indexOf("<subsystem xmlns=\"urn:jboss:domain:ee:6.0\">"))
                .isLessThan(xml.indexOf("<spec-descriptor-property-replacement>"));
        assertThat(xml).contains("<module name=\"org.yaraguard\" services=\"true\"/>",
                "<property name=\"yara-guard.mode\" value=\"monitor\"/>",
                "value=\"${jboss.server.config.dir}/yara-guard/rules\"", "<!-- management comment kept as is -->",
                "${jboss.bind.address:127.0.0.1}");
        ServerConfig config = ServerConfig.read(file);
        assertThat(config.hasGlobalModule("org.yaraguard")).isTrue();
        assertThat(config.systemProperty("yara-guard.mode")).contains("monitor");
    }

    @Test
    void installingTwiceChangesNothingTheSecondTime() throws IOException {
        Path file = copy("dcm4chee-arc.xml");
        tool("install", file, "org.yaraguard", "yara-guard.mode=enforce");
        String once = Files.readString(file);

        assertThat(tool("install", file, "org.yaraguard", "yara-guard.mode=enforce")).isZero();

        assertThat(Files.readString(file)).isEqualTo(once);
        assertThat(once).containsOnlyOnce("org.yaraguard").contains("org.dcm4che.example",
                "org.apache.catalina.connector.URI_ENCODING");
    }

    @Test
    void aNewValueReplacesTheOldOne() throws IOException {
        Path file = copy("dcm4chee-arc.xml");
        tool("install", file, "org.yaraguard", "yara-guard.mode=enforce");

        tool("install", file, "org.yaraguard", "yara-guard.mode=monitor");

        assertThat(ServerConfig.read(file).systemProperty("yara-guard.mode")).contains("monitor");
        assertThat(Files.readString(file)).containsOnlyOnce("yara-guard.mode");
    }

    @Test
    void uninstallRemovesOnlyWhatInstallAdded() throws IOException {
        Path file = copy("standalone.xml");
        String original = Files.readString(file);
        tool("install", file, "org.yaraguard", "yara-guard.mode=monitor", "yara-guard.scan.timeout=5");

        assertThat(tool("uninstall", file, "org.yaraguard", "yara-guard.")).isZero();

        String xml = Files.readString(file);
        assertThat(xml).doesNotContain("yara-guard", "org.yaraguard", "global-modules", "system-properties");
        assertThat(normalise(xml)).isEqualTo(normalise(original));
    }

    @Test
    void uninstallKeepsOtherGlobalModulesAndProperties() throws IOException {
        Path file = copy("dcm4chee-arc.xml");
        tool("install", file, "org.yaraguard", "yara-guard.mode=monitor");

        tool("uninstall", file, "org.yaraguard", "yara-guard.");

        ServerConfig config = ServerConfig.read(file);
        assertThat(config.hasGlobalModule("org.dcm4che.example")).isTrue();
        assertThat(config.hasGlobalModule("org.yaraguard")).isFalse();
        assertThat(config.systemProperty("org.apache.catalina.connector.URI_ENCODING")).contains("UTF-8");
    }

    @Test
    void refusesWhatIsNotAServerConfiguration() throws IOException {
        Path notServer = temp.resolve("host.xml");
        Files.writeString(notServer, "<host xmlns=\"urn:jboss:domain:20.0\"/>");
        Path doctype = temp.resolve("doctype.xml");
        Files.writeString(doctype, "<!DOCTYPE server [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<server xmlns=\"urn:jboss:domain:20.0\">&x;</server>");

        assertThatThrownBy(() -> ServerConfig.read(notServer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerConfig.read(doctype)).isInstanceOf(IOException.class);
        assertThat(tool("install", doctype, "org.yaraguard")).isEqualTo(2);
    }

    private int tool(String command, Path file, String module, String... rest) {
        List<String> args = new java.util.ArrayList<>(List.of(command, file.toString(), module));
        args.addAll(List.of(rest));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return ServerConfigTool.run(args, print, print);
    }

    private Path copy(String name) throws IOException {
        Path target = temp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/server-config/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static String normalise(String xml) {
        return xml.replaceAll("<\\?xml[^>]*\\?>", "").replaceAll("\\s+", " ").trim();
    }
}
