package org.yaraguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.audit.ReceivedFrame;
import org.yaraguard.audit.Rsyslog;
import org.yaraguard.audit.TestPki;

/**
 * The installed plugin sends DICOM audit messages to an Audit Record Repository: a real rsyslogd started here on
 * loopback with a TLS input (its certificate from a CA made for the test, trusted through
 * yara-guard.audit.tls.truststore). The audit settings are server system properties set before the archive is
 * deployed (the plugin reads them when the archive starts), so the receiver's port is chosen at run time.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class AuditIT {

    private static final String DEPLOYMENT = "audited-archive";
    private final ArchiveClient archive = new ArchiveClient();

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @TempDir
    Path tmp;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return StandInArchive.ear();
    }

    @Test
    void aRefusedObjectReachesTheAuditRepositoryOverTls() throws Exception {
        TestPki pki = TestPki.make(tmp.resolve("pki"), "arr");
        DicomSample polyglot = DeployedArchive.samples("audit").image("pe", 601, null)
                .withPreamble("pe", DicomSamples.pePreamble());
        try (Rsyslog rsyslog = Rsyslog.start(tmp.resolve("rsyslog"), pki)) {
            Map<String, String> settings = Map.of(
                    "yara-guard.audit.repository", "tls://localhost:" + rsyslog.tlsPort(),
                    "yara-guard.audit.tls.truststore", pki.trustStore().toString(),
                    "yara-guard.audit.tls.truststore.password", TestPki.PASSWORD);
            settings.forEach(this::setProperty);
            try {
                deployer.deploy(DEPLOYMENT);
                try {
                    StoreOutcome refused = archive.stow(polyglot.part10(), "STOWCLIENT");
                    assertThat(refused.refused()).as("%s", refused).isTrue();

                    ReceivedFrame alert = awaitMessage(rsyslog, polyglot.studyInstanceUid());
                    String xml = new String(alert.msg(), StandardCharsets.UTF_8);
                    assertThat(xml).contains("110113").contains(polyglot.sopInstanceUid())
                            .contains("preamble_pe_executable");
                    assertThat(alert.appName()).isEqualTo("yara-guard");
                    assertThat(alert.msgId()).isEqualTo("IHE+RFC-3881");
                    assertThat(alert.bom()).isTrue();
                    // the rule set that went live when the archive started: a Security Configuration event
                    assertThat(awaitMessage(rsyslog, "110129").msg()).isNotEmpty();
                } finally {
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                settings.keySet().forEach(this::removeProperty);
            }
        }
    }

    private static ReceivedFrame awaitMessage(Rsyslog rsyslog, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<ReceivedFrame> frames = rsyslog.received().stream().map(ReceivedFrame::parse)
                    .filter(f -> new String(f.msg(), StandardCharsets.UTF_8).contains(marker)).toList();
            if (!frames.isEmpty()) {
                return frames.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no audit message with " + marker + " within 60 s; received: "
                        + rsyslog.received().size() + " messages; server log: " + ItEnvironment.serverLog());
            }
            Thread.sleep(200);
        }
    }

    private void setProperty(String name, String value) {
        ModelNode op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("system-property", name);
        op.get("value").set(value);
        execute(op);
    }

    private void removeProperty(String name) {
        ModelNode op = new ModelNode();
        op.get("operation").set("remove");
        op.get("address").add("system-property", name);
        execute(op);
    }

    private void execute(ModelNode op) {
        try {
            ModelNode result = management.getControllerClient().execute(op);
            assertThat(result.get("outcome").asString()).as("%s → %s", op, result).isEqualTo("success");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
