package org.yaraguard.review;

import org.yaraguard.engine.quarantine.Approvals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.engine.quarantine.QuarantineEntry;

/** Release against a real HTTP server on the loopback interface that records what it was sent. */
class ReleaseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.30";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ReviewFixture fixture;
    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    private record Received(String contentType, byte[] body) {
    }

    @BeforeEach
    void start() throws IOException {
        fixture = new ReviewFixture(dir);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dcm4chee-arc/aets/DCM4CHEE/rs/studies", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/dicom+json");
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private QuarantineReview review() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/dcm4chee-arc/aets/DCM4CHEE/rs/studies";
        return new QuarantineReview(fixture.settings(url, 0), StowClient.anonymous(), Clock.fixed(NOW,
                ZoneOffset.UTC));
    }

    @Test
    void releaseSendsTheObjectByteIdenticalAndLeavesOneApproval() throws Exception {
        byte[] polyglot = fixture.polyglot("pe", STUDY, STUDY + ".1", STUDY + ".1.1", "Doe^John");
        QuarantineEntry entry = fixture.quarantine(polyglot, true, STUDY, STUDY + ".1", STUDY + ".1.1", "Doe^John",
                "PE_In_Preamble", "preamble", 0, NOW);

        QuarantineReview.Release release = review().release(entry.id().substring(0, 10), "false positive: vendor",
                "alice");

        assertThat(release.httpStatus()).isEqualTo(200);
        assertThat(release.sentSha256()).isEqualTo(entry.id());
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.contentType()).startsWith("multipart/related; type=\"application/dicom\"; boundary=");
            assertThat(onlyPart(r)).isEqualTo(polyglot);
        });
        Approvals approvals = new Approvals(fixture.approvals, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(approvals.consume(entry.id())).isTrue();
        assertThat(approvals.consume(entry.id())).isFalse();

        ReviewEntry listed = review().find(entry.id());
        assertThat(listed.status()).isEqualTo(ReviewEntry.RELEASED);
        assertThat(listed.quarantined()).isTrue();
        assertThat(listed.review()).extracting(ReviewEvent::event, ReviewEvent::user, ReviewEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("release", "alice", "false positive: vendor"));
        assertThat(listed.review().get(0).at()).isEqualTo(NOW);
        List<String> lines = fixture.findingsLines();
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(last.path("event").asText()).isEqualTo("release");
        assertThat(last.path("user").asText()).isEqualTo("alice");
        assertThat(last.path("reason").asText()).isEqualTo("false positive: vendor");
        assertThatThrownBy(() -> review().release(entry.id(), "again", "alice")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("released already");
        assertThat(received).hasSize(1);
    }

    @Test
    void aBareDatasetIsSentAsAValidPart10FileWithItsDatasetUnchanged() throws Exception {
        byte[] dataset = fixture.object("bare", STUDY, STUDY + ".2", STUDY + ".2.1", "Bare^Set", false);
        QuarantineEntry entry = fixture.quarantine(dataset, false, STUDY, STUDY + ".2", STUDY + ".2.1", "Bare^Set",
                "Payload_Marker", "object", 10, NOW);

        QuarantineReview.Release release = review().release(entry.id(), "checked", "alice");

        byte[] part = onlyPart(received.get(0));
        assertThat(Arrays.copyOfRange(part, part.length - dataset.length, part.length)).isEqualTo(dataset);
        assertThat(new String(part, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
        assertThat(release.sentSha256()).isEqualTo(ReviewFixture.sha256(part)).isNotEqualTo(entry.id());
        Path sent = dir.resolve("sent.dcm");
        Files.write(sent, part);
        Process dump = new ProcessBuilder("dcmdump", "-q", sent.toString()).redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(out).isZero();
        assertThat(out).contains("(0002,0010) UI =LittleEndianImplicit").contains("[" + STUDY + ".2.1]")
                .contains("Bare^Set");
        assertThat(new Approvals(fixture.approvals, Clock.fixed(NOW, ZoneOffset.UTC))
                .consume(release.sentSha256())).isTrue();
    }

    @Test
    void aRefusedReleaseWithdrawsTheApprovalAndKeepsTheEntryQuarantined() throws Exception {
        status.set(409);
        byte[] polyglot = fixture.polyglot("pe", STUDY, STUDY + ".1", STUDY + ".1.1", "Doe^John");
        QuarantineEntry entry = fixture.quarantine(polyglot, true, STUDY, STUDY + ".1", STUDY + ".1.1", "Doe^John",
                "PE_In_Preamble", "preamble", 0, NOW);

        assertThatThrownBy(() -> review().release(entry.id(), "try", "alice")).isInstanceOf(ReviewException.class)
                .hasMessageContaining("409");

        assertThat(new Approvals(fixture.approvals).pending(entry.id())).isFalse();
        ReviewEntry listed = review().find(entry.id());
        assertThat(listed.status()).isEqualTo(ReviewEntry.QUARANTINED);
        assertThat(listed.review()).extracting(ReviewEvent::event).containsExactly("release-failed");
        assertThat(entry.object()).exists();
    }

    @Test
    void releaseNeedsAReasonAConfiguredUrlAndAQuarantinedObject() throws Exception {
        byte[] polyglot = fixture.polyglot("pe", STUDY, STUDY + ".1", STUDY + ".1.1", "Doe^John");
        QuarantineEntry entry = fixture.quarantine(polyglot, true, STUDY, STUDY + ".1", STUDY + ".1.1", "Doe^John",
                "PE_In_Preamble", "preamble", 0, NOW);
        String stored = "cd".repeat(32);
        fixture.stored(stored, STUDY, STUDY + ".9", "Tagged", NOW);

        assertThatThrownBy(() -> review().release(entry.id(), "", "alice")).hasMessageContaining("reason");
        assertThatThrownBy(() -> new QuarantineReview(fixture.settings(null, 0)).release(entry.id(), "r", "alice"))
                .hasMessageContaining(ReviewSettings.STOW_URL);
        assertThatThrownBy(() -> review().release(stored, "r", "alice")).hasMessageContaining("not held");
        assertThat(received).isEmpty();
    }

    @Test
    void aKeycloakSecuredArchiveGetsAClientCredentialsTokenFetchedOnce() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> grants = new CopyOnWriteArrayList<>();
        server.createContext("/realms/dcm4che/protocol/openid-connect/token", exchange -> {
            tokens.incrementAndGet();
            grants.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"access_token\":\"tok-1\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/secured/studies", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        java.util.Properties p = new java.util.Properties();
        p.setProperty(StowClient.TOKEN_URL, base + "/realms/dcm4che/protocol/openid-connect/token");
        p.setProperty(StowClient.CLIENT_ID, "yara-guard");
        p.setProperty(StowClient.CLIENT_SECRET, "s3cret");
        QuarantineReview review = new QuarantineReview(fixture.settings(base + "/secured/studies", 0),
                StowClient.configured(p), Clock.fixed(NOW, ZoneOffset.UTC));
        for (String sop : List.of(STUDY + ".1.1", STUDY + ".1.2")) {
            byte[] bytes = fixture.polyglot("pe" + sop.length() + sop.charAt(sop.length() - 1), STUDY, STUDY + ".1",
                    sop, "Doe^John");
            QuarantineEntry entry = fixture.quarantine(bytes, true, STUDY, STUDY + ".1", sop, "Doe^John",
                    "PE_In_Preamble", "preamble", 0, NOW);
            review.release(entry.id(), "checked", "alice");
        }

        assertThat(authorizations).containsExactly("Bearer tok-1", "Bearer tok-1");
        assertThat(tokens).hasValue(1);
        assertThat(grants.get(0)).contains("grant_type=client_credentials").contains("client_id=yara-guard")
                .contains("client_secret=s3cret");
    }

    /** The single part of a multipart/related body, by the boundary its Content-Type names. */
    private static byte[] onlyPart(Received r) {
        String boundary = r.contentType().substring(r.contentType().indexOf("boundary=") + 9);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        int start = body.indexOf("\r\n\r\n", body.indexOf("--" + boundary)) + 4;
        int end = body.indexOf("\r\n--" + boundary + "--", start);
        assertThat(body.substring(body.indexOf("--" + boundary), start)).contains("Content-Type: application/dicom");
        return Arrays.copyOfRange(r.body(), start, end);
    }
}
