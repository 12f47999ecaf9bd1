package org.yaraguard.audit.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class AuditXmlTest {

    static Stream<AuditMessage> everyKind() {
        AuditIdentity id = Samples.IDENTITY;
        return Stream.of(
                SecurityAlert.of(Samples.detection(Detection.Handling.REFUSED, "reject"), id),
                SecurityAlert.of(Samples.detection(Detection.Handling.TAGGED, "tag"), id),
                SecurityAlert.of(Samples.detection(Detection.Handling.LOGGED, "log"), id),
                SecurityAlert.of(Samples.detection(Detection.Handling.MONITORED, "reject"), id),
                SecurityAlert.of(Samples.unreadable(), id),
                SecurityConfiguration.of(Samples.live(), id),
                SecurityConfiguration.of(Samples.refused(), id),
                SecurityConfiguration.of(Samples.restored(), id),
                RestrictedFunction.of(Samples.review(GuardCode.RELEASE), id),
                RestrictedFunction.of(Samples.review(GuardCode.PURGE), id),
                RestrictedFunction.of(Samples.review(GuardCode.EXPORT), id),
                RestrictedFunction.of(Samples.review(GuardCode.VIEW), id));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindValidatesAgainstTheDicomSchema(AuditMessage message) {
        assertThat(AuditSchema.problems(AuditXml.write(message))).isEmpty();
    }

    @Test
    void theSchemaRejectsABrokenMessage() {
        String xml = new String(AuditXml.write(SecurityAlert.of(
                Samples.detection(Detection.Handling.REFUSED, "reject"), Samples.IDENTITY)), StandardCharsets.UTF_8);
        assertThat(AuditSchema.problems(xml.replace("EventOutcomeIndicator=\"4\"", "EventOutcomeIndicator=\"3\"")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(AuditSchema.problems(xml.replaceFirst("<AuditSourceIdentification[^>]*>.*?</AuditSourceIdentification>", "")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void aRefusalNamesTheStudySenderArchiveRuleAndHash() throws Exception {
        Document doc = parse(AuditXml.write(SecurityAlert.of(
                Samples.detection(Detection.Handling.REFUSED, "reject"), Samples.IDENTITY)));
        assertThat(text(doc, "/AuditMessage/EventIdentification/EventID/@csd-code")).isEqualTo("110113");
        assertThat(text(doc, "/AuditMessage/EventIdentification/@EventOutcomeIndicator")).isEqualTo("4");
        assertThat(text(doc, "/AuditMessage/EventIdentification/EventTypeCode[@codeSystemName='99YARAGUARD'][1]/@csd-code"))
                .isEqualTo("YG001");
        assertThat(text(doc, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']/@UserID"))
                .isEqualTo("MODALITY1");
        assertThat(text(doc, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']/@NetworkAccessPointID"))
                .isEqualTo("10.1.2.3");
        assertThat(text(doc, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']/@NetworkAccessPointTypeCode"))
                .isEqualTo("2");
        assertThat(text(doc, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110152']/@UserID"))
                .isEqualTo("DCM4CHEE");
        String study = "/AuditMessage/ParticipantObjectIdentification[ParticipantObjectIDTypeCode/@csd-code='110180']";
        assertThat(text(doc, study + "/@ParticipantObjectID")).isEqualTo(Samples.OBJECT.studyInstanceUid());
        assertThat(text(doc, study + "/ParticipantObjectDescription/Accession/@Number")).isEqualTo("ACC0001");
        assertThat(text(doc, study + "/ParticipantObjectDescription/SOPClass/Instance/@UID"))
                .isEqualTo(Samples.OBJECT.sopInstanceUid());
        assertThat(detail(doc, "rule")).isEqualTo("dicom/pdf.yar:PDF_JavaScript");
        assertThat(detail(doc, "sha256")).isEqualTo(Samples.SHA256);
        assertThat(detail(doc, "ruleSetId")).isEqualTo(Samples.RULE_SET);
        assertThat(detail(doc, "quarantineId")).isEqualTo("20261130T173012Z-9f86d081");
        assertThat(text(doc, "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='1']/@ParticipantObjectID"))
                .isEqualTo("PAT-0042");
    }

    @Test
    void thePatientNameAppearsOnlyWhenConfigured() {
        Detection detection = Samples.detection(Detection.Handling.TAGGED, "tag");
        String without = new String(AuditXml.write(SecurityAlert.of(detection, Samples.IDENTITY)),
                StandardCharsets.UTF_8);
        String with = new String(AuditXml.write(SecurityAlert.of(detection, new AuditIdentity("pacs1", null,
                "pacs1", true))), StandardCharsets.UTF_8);
        assertThat(without).doesNotContain("Doe").doesNotContain("ParticipantObjectName");
        assertThat(with).contains("<ParticipantObjectName>Doe^Jane</ParticipantObjectName>");
        assertThat(AuditSchema.problems(with.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void senderTextCannotInjectMarkupOrBreakTheXml() throws Exception {
        String aet = "EVIL\"/><ActiveParticipant UserID=\"x";
        ObjectIds hostile = new ObjectIds("1.2.3]]><x/>", "1.2\u0000.3", "1.2.3\ud800", "A&B<C>\n\t\r",
                "P\u0007</ParticipantObjectIdentification>", "Name\uFFFF");
        Detection detection = new Detection(Samples.AT, Detection.Handling.REFUSED, List.of(GuardCode.RULE_MATCH),
                List.of("r<1>"), "id", "sha", "reject", "trouble\u001b[31m", "c-store", aet, "host\nname",
                "ARC", "q", hostile);
        byte[] xml = AuditXml.write(SecurityAlert.of(detection, new AuditIdentity(null, null, "h", true)));
        assertThat(AuditSchema.problems(xml)).isEmpty();
        Document doc = parse(xml);
        assertThat(((NodeList) XPathFactory.newInstance().newXPath().evaluate("/AuditMessage/ActiveParticipant",
                doc, XPathConstants.NODESET)).getLength()).isEqualTo(3);
        assertThat(text(doc, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']/@UserID"))
                .isEqualTo(aet);
        assertThat(text(doc, "/AuditMessage/ParticipantObjectIdentification[1]/@ParticipantObjectID"))
                .isEqualTo("1.2.3]]><x/>");
        assertThat(text(doc, "//Accession/@Number")).isEqualTo("A&B<C>\uFFFD\uFFFD\uFFFD");
        assertThat(detail(doc, "rule")).isEqualTo("r<1>");
    }

    @Test
    void aHugeValueIsCut() {
        String longAet = "A".repeat(100_000);
        Detection detection = new Detection(Samples.AT, Detection.Handling.LOGGED, List.of(), List.of(), null, null,
                "log", null, "c-store", longAet, null, null, null, ObjectIds.unknown());
        byte[] xml = AuditXml.write(SecurityAlert.of(detection, Samples.IDENTITY));
        assertThat(xml.length).isLessThan(8_000);
        assertThat(AuditSchema.problems(xml)).isEmpty();
    }

    @Test
    void hostTypeIsIpAddressOrMachineName() {
        assertThat(participant("10.0.0.1").hostType()).isEqualTo("2");
        assertThat(participant("fe80::1%eth0").hostType()).isEqualTo("2");
        assertThat(participant("::1").hostType()).isEqualTo("2");
        assertThat(participant("modality1.example.org").hostType()).isEqualTo("1");
        assertThat(participant(null).hostType()).isNull();
    }

    private static ActiveParticipant participant(String host) {
        return new ActiveParticipant("u", null, null, false, host, List.of());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String text(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    static String detail(Document doc, String type) throws Exception {
        return new String(Base64.getDecoder().decode(text(doc, "//ParticipantObjectDetail[@type='" + type
                + "']/@value")), StandardCharsets.UTF_8);
    }
}
