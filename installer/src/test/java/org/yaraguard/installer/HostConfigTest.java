package org.yaraguard.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostConfigTest {

    @TempDir
    Path temp;

    @Test
    void theServersFoldersAreResolvedAsTheServerResolvesThemAndTheServerFileIsNotChanged() throws IOException {
        Path file = copy("dcm4chee-arc.xml");
        String before = Files.readString(file);
        Path home = temp.resolve("wildfly");

        Properties host = hostConfig(file, home, "yara-guard.quarantine.dir=/srv/quarantine",
                "yara-guard.findings.log=${jboss.server.log.dir}/findings.log", "yara-guard.mode=monitor");

        assertThat(host.getProperty("yara-guard.quarantine.dir")).isEqualTo("/srv/quarantine");
        assertThat(host.getProperty("yara-guard.findings.log")).isEqualTo(home + "/standalone/log/findings.log");
        assertThat(host.getProperty("yara-guard.rules.dir"))
                .isEqualTo(home + "/standalone/configuration/yara-guard/rules");
        assertThat(host.getProperty("yara-guard.approval.dir"))
                .isEqualTo(home + "/standalone/data/yara-guard/approvals");
        assertThat(host.getProperty("yara-guard.spool.dir")).isEqualTo(home + "/standalone/tmp/yara-guard/spool");
        // the command line drops its audit messages into the server's audit spool
        assertThat(host.getProperty("yara-guard.audit.spool.dir"))
                .isEqualTo(home + "/standalone/data/yara-guard/audit-spool");
        assertThat(host.getProperty("yara-guard.mode")).isEqualTo("monitor");
        assertThat(host.getProperty("wildfly.home")).isEqualTo(home.toString());
        assertThat(host.getProperty("server.config")).isEqualTo(file.toString());
        assertThat(host.stringPropertyNames()).allMatch(n -> n.startsWith("yara-guard.") || n.equals("wildfly.home")
                || n.equals("server.config"));
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aSecretIsNotCopiedIntoTheWorldReadableFileAndOtherExpressionsAreKept() throws IOException {
        Properties host = hostConfig(copy("standalone.xml"), temp, "yara-guard.stow.client.secret=s3cret",
                "yara-guard.audit.tls.keystore.password=s3cret", "yara-guard.audit.tls.truststore.Password=s3cret",
                "yara-guard.audit.tls.keystore=/srv/arr.p12",
                "yara-guard.stow.url=${env.STOW_URL:http://localhost:8080/rs}");

        assertThat(host).doesNotContainKey("yara-guard.stow.client.secret");
        assertThat(host).doesNotContainKey("yara-guard.audit.tls.keystore.password");
        assertThat(host).as("a mistyped case is still a password").doesNotContainKey(
                "yara-guard.audit.tls.truststore.Password");
        assertThat(host.getProperty("yara-guard.audit.tls.keystore")).isEqualTo("/srv/arr.p12");
        assertThat(host.getProperty("yara-guard.stow.url")).isEqualTo("${env.STOW_URL:http://localhost:8080/rs}");
    }

    @Test
    void anyValueReadsBackAsWritten() throws IOException {
        String odd = " lead C:\\rules #1 !x=y é\t";
        HostConfig config = HostConfig.of(Map.of("yara-guard.policy", odd), temp, temp.resolve("s.xml"));

        Properties read = new Properties();
        read.load(new StringReader(config.text()));

        assertThat(read.getProperty("yara-guard.policy")).isEqualTo(odd);
        assertThat(config.text()).matches("\\p{ASCII}*");
    }

    private Properties hostConfig(Path file, Path home, String... properties) throws IOException {
        List<String> args = new ArrayList<>(List.of("host-config", file.toString(), home.toString()));
        args.addAll(List.of(properties));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ServerConfigTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Properties read = new Properties();
        read.load(new StringReader(out.toString(StandardCharsets.UTF_8)));
        return read;
    }

    private Path copy(String name) throws IOException {
        Path target = temp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/server-config/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
