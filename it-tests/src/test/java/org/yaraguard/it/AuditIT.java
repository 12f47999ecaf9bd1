package org.yaraguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaraguard.audit.TestPki;
import org.yaraguard.audit.message.AuditSchema;

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

                    DicomSample pdf = DeployedArchive.samples("audit").pdf("pdf-js", 602, true);
                    StoreOutcome pdfRefused = archive.cStore(pdf.dataset(), "MODALITY9");
                    assertThat(pdfRefused.refused()).as("%s", pdfRefused).isTrue();
                    Document pdfAlert = parse(awaitMessage(rsyslog, pdf.studyInstanceUid()).msg());
                    assertThat(xpath(pdfAlert, "/AuditMessage/EventIdentification/EventTypeCode[1]/@csd-code"))
                            .isEqualTo("YG001");
                    assertThat(xpath(pdfAlert, "/AuditMessage/ParticipantObjectIdentification"
                            + "[ParticipantObjectIDTypeCode/@csd-code='110180']/@ParticipantObjectID"))
                            .isEqualTo(pdf.studyInstanceUid());
                    assertThat(xpath(pdfAlert, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']"
                            + "/@UserID")).isEqualTo("MODALITY9");
                    assertThat(details(pdfAlert, "rule")).anyMatch(rule -> rule.endsWith(":pdf_javascript"));
                    // every message the repository received is a valid DICOM audit message (PS3.15 A.5.1)
                    for (byte[] message : rsyslog.received()) {
                        byte[] received = ReceivedFrame.parse(message).msg();
                        assertThat(AuditSchema.problems(received)).as(new String(received, StandardCharsets.UTF_8))
                                .isEmpty();
                    }
                } finally {
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                settings.keySet().forEach(this::removeProperty);
            }
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String xpath(Document doc, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, doc);
    }

    /** The decoded values of one ParticipantObjectDetail type. */
    private static List<String> details(Document doc, String type) throws Exception {
        NodeList values = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "//ParticipantObjectDetail[@type='" + type + "']/@value", doc, XPathConstants.NODESET);
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            decoded.add(new String(Base64.getDecoder().decode(values.item(i).getNodeValue()), StandardCharsets.UTF_8));
        }
        return decoded;
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
