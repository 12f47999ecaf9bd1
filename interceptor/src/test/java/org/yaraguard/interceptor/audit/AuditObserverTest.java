package org.yaraguard.interceptor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.yaraguard.audit.AuditOutbox;
import org.yaraguard.audit.AuditOutboxState;
import org.yaraguard.audit.message.AuditIdentity;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.GuardFolders;
import org.yaraguard.interceptor.guard.GuardSettings;
import org.yaraguard.interceptor.guard.Origin;
import org.yaraguard.interceptor.guard.Ruling;

/** The audit observer in a real guard (real libyara, real rules folder) over a real-world DICOM object. */
class AuditObserverTest {

    private static final Path CT_SMALL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    private static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String SOP_INSTANCE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
    private static final Origin STOW = new Origin("stow-rs", "MODALITY1", "DCM4CHEE", "10.1.2.3", null);
    private static final AuditIdentity IDENTITY = new AuditIdentity("pacs1", null, "pacs1", false);

    @TempDir
    Path temp;

    @Test
    void aRefusedObjectIsOneSecurityAlertNamingStudyRuleAndSender() throws Exception {
        Outbox outbox = new Outbox();
        try (Guard guard = start(outbox, "rule Ct_Refuse { meta: action = \"reject\" strings: $a = \"CompressedSamples\""
                + " condition: $a }", Map.of())) {
            int configurationEvents = outbox.messages.size();
            Ruling ruling = judge(guard, STOW);
            assertThat(ruling.outcome()).isEqualTo(Ruling.Outcome.REFUSE);
            assertThat(outbox.messages).hasSize(configurationEvents + 1);
            Document alert = parse(outbox.messages.get(configurationEvents));
            assertThat(xpath(alert, "/AuditMessage/EventIdentification/EventID/@csd-code")).isEqualTo("110113");
            assertThat(xpath(alert, "/AuditMessage/EventIdentification/@EventOutcomeIndicator")).isEqualTo("4");
            assertThat(xpath(alert, "/AuditMessage/EventIdentification/EventTypeCode[1]/@csd-code")).isEqualTo("YG001");
            assertThat(xpath(alert, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']/@UserID"))
                    .isEqualTo("MODALITY1");
            assertThat(xpath(alert, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110152']/@UserID"))
                    .isEqualTo("DCM4CHEE");
            assertThat(xpath(alert, "/AuditMessage/ParticipantObjectIdentification[1]/@ParticipantObjectID"))
                    .isEqualTo(STUDY);
            assertThat(xpath(alert, "//SOPClass/Instance/@UID")).isEqualTo(SOP_INSTANCE);
            assertThat(xpath(alert, "//ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='1']"
                    + "/@ParticipantObjectID")).isEqualTo("1CT1");
            assertThat(detail(alert, "rule")).isEqualTo("test.yar:Ct_Refuse");
            assertThat(detail(alert, "quarantineId")).isEqualTo(ruling.quarantineId());
            assertThat(detail(alert, "ruleSetId")).isEqualTo(guard.ruleSet().orElseThrow().id());
            assertThat(new String(outbox.messages.get(configurationEvents), StandardCharsets.UTF_8))
                    .as("no patient name unless configured").doesNotContain("CompressedSamples^CT1");
        }
    }

    @Test
    void taggedAndMonitoredObjectsAreAuditedCleanOnesAreNot() throws Exception {
        Outbox outbox = new Outbox();
        try (Guard guard = start(outbox, "rule Ct_Tag { meta: action = \"tag\" strings: $a = \"CompressedSamples\""
                + " condition: $a }\nrule Ct_Never { strings: $a = \"NOT-IN-THIS-OBJECT-EVER\" condition: $a }",
                Map.of("yara-guard.mode.aet", "WATCHED=monitor"))) {
            int before = outbox.messages.size();
            assertThat(judge(guard, STOW).outcome()).isEqualTo(Ruling.Outcome.TAG);
            Origin watched = new Origin("c-store", "WATCHED", "DCM4CHEE", "modality.example.org", null);
            assertThat(judge(guard, watched).outcome()).isEqualTo(Ruling.Outcome.STORE);
            assertThat(outbox.messages).hasSize(before + 2);
            Document tagged = parse(outbox.messages.get(before));
            assertThat(xpath(tagged, "/AuditMessage/EventIdentification/EventTypeCode[1]/@csd-code")).isEqualTo("YG002");
            assertThat(xpath(tagged, "/AuditMessage/EventIdentification/@EventOutcomeIndicator")).isEqualTo("0");
            Document monitored = parse(outbox.messages.get(before + 1));
            assertThat(xpath(monitored, "/AuditMessage/EventIdentification/EventTypeCode[1]/@csd-code"))
                    .isEqualTo("YG004");
            assertThat(xpath(monitored, "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']"
                    + "/@NetworkAccessPointTypeCode")).isEqualTo("1");
        }
        Outbox clean = new Outbox();
        try (Guard guard = start(clean, "rule Ct_Never { strings: $a = \"NOT-IN-THIS-OBJECT-EVER\" condition: $a }",
                Map.of())) {
            int before = clean.messages.size();
            assertThat(judge(guard, STOW).outcome()).isEqualTo(Ruling.Outcome.STORE);
            assertThat(clean.messages).hasSize(before);
        }
    }

    @Test
    void ruleSetsLiveRefusedAndRestoredAreSecurityConfigurationEvents() throws Exception {
        Outbox outbox = new Outbox();
        try (Guard guard = start(outbox, "rule One { strings: $a = \"ONE-ONE-ONE\" condition: $a }",
                Map.of("yara-guard.rules.poll.seconds", "1"))) {
            String first = guard.ruleSet().orElseThrow().id();
            assertThat(outbox.messages).hasSize(1);
            Document live = parse(outbox.messages.get(0));
            assertThat(xpath(live, "/AuditMessage/EventIdentification/EventTypeCode[1]/@csd-code")).isEqualTo("110129");
            assertThat(xpath(live, "/AuditMessage/EventIdentification/EventTypeCode[2]/@csd-code")).isEqualTo("YG030");
            assertThat(detail(live, "ruleSetId")).isEqualTo(first);
            assertThat(detail(live, "rules")).isEqualTo("1");

            Path broken = temp.resolve("rules/broken.yar");
            Files.writeString(broken, "rule {");
            awaitMessages(outbox, 2);
            Document refused = parse(outbox.messages.get(1));
            assertThat(xpath(refused, "/AuditMessage/EventIdentification/EventTypeCode[2]/@csd-code")).isEqualTo("YG031");
            assertThat(xpath(refused, "/AuditMessage/EventIdentification/@EventOutcomeIndicator")).isEqualTo("4");
            assertThat(detail(refused, "previousRuleSetId")).isEqualTo(first);
            assertThat(detail(refused, "error")).startsWith("broken.yar:1:");

            Files.delete(broken);
            awaitMessages(outbox, 3);
            Document restored = parse(outbox.messages.get(2));
            assertThat(xpath(restored, "/AuditMessage/EventIdentification/EventTypeCode[2]/@csd-code"))
                    .isEqualTo("YG032");
            assertThat(detail(restored, "ruleSetId")).isEqualTo(first);

            Files.writeString(temp.resolve("rules/two.yar"), "rule Two { strings: $a = \"TWO-TWO\" condition: $a }");
            awaitMessages(outbox, 4);
            Document second = parse(outbox.messages.get(3));
            assertThat(xpath(second, "/AuditMessage/EventIdentification/EventTypeCode[2]/@csd-code")).isEqualTo("YG030");
            assertThat(detail(second, "previousRuleSetId")).isEqualTo(first);
            assertThat(detail(second, "rules")).isEqualTo("2");
        }
    }

    @Test
    void identitySettingsAreReadAndAWrongValueFallsBackToNoPatientNames() {
        AuditIdentity configured = AuditIdentities.from(Map.of("yara-guard.audit.source.id", "ARCHIVE-NODE-1",
                "yara-guard.audit.enterprise.site", "Example Hospital", "yara-guard.audit.patient.name", "true")::get);
        assertThat(configured.sourceId()).isEqualTo("ARCHIVE-NODE-1");
        assertThat(configured.enterpriseSiteId()).isEqualTo("Example Hospital");
        assertThat(configured.patientNames()).isTrue();
        AuditIdentity defaults = AuditIdentities.from(Map.of("yara-guard.audit.patient.name", "yes please")::get);
        assertThat(defaults.patientNames()).isFalse();
        assertThat(defaults.sourceId()).isEqualTo(defaults.host()).isNotBlank();
    }

    private Guard start(Outbox outbox, String rules, Map<String, String> more) throws IOException {
        Map<String, String> properties = GuardFolders.under(temp, rules);
        properties.putAll(more);
        return Guard.start(GuardSettings.from(properties::get), Clock.systemUTC(),
                List.of(new AuditObserver(outbox, IDENTITY, Clock.systemUTC())));
    }

    private static Ruling judge(Guard guard, Origin origin) throws IOException {
        try (SpooledObject spooled = guard.spool(new ByteArrayInputStream(Files.readAllBytes(CT_SMALL)))) {
            return guard.judge(spooled, origin);
        }
    }

    private static void awaitMessages(Outbox outbox, int count) throws InterruptedException {
        for (int tick = 0; tick < 150 && outbox.messages.size() < count; tick++) {
            Thread.sleep(100);
        }
        assertThat(outbox.messages).hasSize(count);
    }

    static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String xpath(Document doc, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, doc);
    }

    static String detail(Document doc, String type) throws Exception {
        return new String(Base64.getDecoder().decode(xpath(doc, "//ParticipantObjectDetail[@type='" + type
                + "'][1]/@value")), StandardCharsets.UTF_8);
    }

    /** What the background sender would get: every message, in order. */
    static final class Outbox implements AuditOutbox {
        final List<byte[]> messages = new CopyOnWriteArrayList<>();

        @Override
        public void submit(byte[] auditMessageXml) {
            messages.add(auditMessageXml);
        }

        @Override
        public AuditOutboxState state() {
            return AuditOutboxState.notConfigured();
        }

        @Override
        public void close() {
        }
    }
}
