package org.yaraguard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.yaraguard.engine.quarantine.QuarantineEntry;

/** Review actions reach the plugin's audit spool as Use of Restricted Function events naming the reviewer. */
class ReviewAuditTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.30";

    @TempDir
    Path dir;
    private ReviewFixture fixture;
    private QuarantineEntry entry;

    @BeforeEach
    void quarantine() throws Exception {
        fixture = new ReviewFixture(dir);
        byte[] object = fixture.object("one", STUDY, STUDY + ".1", STUDY + ".1.1", "Secret^Name", true);
        entry = fixture.quarantine(object, true, STUDY, STUDY + ".1", STUDY + ".1.1", "Secret^Name",
                "Payload_Marker", "object", 0, NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void viewExportAndPurgeAreSpooledAsUseOfRestrictedFunction() throws Exception {
        QuarantineReview review = review(properties("udp://127.0.0.1:514"));
        review.show(entry.id(), "alice");
        review.export(entry.id(), new ByteArrayOutputStream(), "bob");
        review.purge(entry.id(), "confirmed malware", "carol");

        List<Document> messages = spooled();
        assertThat(messages).hasSize(3);
        assertThat(messages).extracting(m -> xpath(m, "/AuditMessage/EventIdentification/EventTypeCode[2]/@csd-code"))
                .containsExactly("YG023", "YG022", "YG021");
        assertThat(messages).extracting(m -> xpath(m, "/AuditMessage/EventIdentification/EventTypeCode[1]/@csd-code"))
                .containsOnly("110132");
        assertThat(messages).extracting(m -> xpath(m, "/AuditMessage/ActiveParticipant[@UserIsRequestor='true']/@UserID"))
                .containsExactly("alice", "bob", "carol");
        assertThat(messages).extracting(m -> xpath(m, "/AuditMessage/EventIdentification/@EventActionCode"))
                .containsExactly("R", "R", "D");
        Document purge = messages.get(2);
        assertThat(xpath(purge, "/AuditMessage/ParticipantObjectIdentification[1]/@ParticipantObjectID"))
                .isEqualTo(entry.id());
        assertThat(xpath(purge, "//ParticipantObjectIdentification[ParticipantObjectIDTypeCode/@csd-code='110180']"
                + "/@ParticipantObjectID")).isEqualTo(STUDY);
        assertThat(xpath(purge, "/AuditMessage/AuditSourceIdentification/@AuditSourceID")).isEqualTo("pacs-test");
        assertThat(Files.readString(only(dir.resolve("spool")).orElseThrow())).doesNotContain("Secret");
    }

    @Test
    void withoutARepositoryNothingIsSpooled() throws Exception {
        review(properties("")).show(entry.id(), "alice");
        assertThat(dir.resolve("spool")).doesNotExist();
    }

    private Properties properties(String repository) {
        Properties p = new Properties();
        p.setProperty(ReviewSettings.QUARANTINE_DIR, fixture.quarantine.toString());
        p.setProperty(ReviewSettings.FINDINGS_LOG, fixture.findings.toString());
        p.setProperty(ReviewSettings.APPROVAL_DIR, fixture.approvals.toString());
        p.setProperty("yara-guard.audit.repository", repository);
        p.setProperty("yara-guard.audit.spool.dir", dir.resolve("spool").toString());
        p.setProperty("yara-guard.audit.source.id", "pacs-test");
        return p;
    }

    private static QuarantineReview review(Properties p) {
        return new QuarantineReview(ReviewSettings.from(p), StowClient.anonymous(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The spooled messages in the order the sender would send them. */
    private List<Document> spooled() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().map(f -> {
                try {
                    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new ByteArrayInputStream(Files.readAllBytes(f)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static java.util.Optional<Path> only(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().reduce((a, b) -> b);
        }
    }

    private static String xpath(Document doc, String path) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(path, doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
