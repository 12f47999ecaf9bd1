package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sends objects to the stand-in archive's entry points over HTTP on the loopback interface. */
final class ArchiveClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ArchiveClient() {
        base = "http://127.0.0.1:" + ItEnvironment.httpPort() + "/" + StandInArchive.CONTEXT_ROOT;
    }

    /** C-STORE-like: the bare dataset in explicit VR little endian, with the association's calling AE title. */
    StoreOutcome cStore(byte[] dataset, String callingAet) throws IOException {
        return post("/cstore?calling=" + encode(callingAet) + "&ts=" + DicomSamples.EXPLICIT_VR_LITTLE_ENDIAN,
                dataset);
    }

    /** STOW-RS-like: the whole Part-10 file; {@code source} is the AE title the request is attributed to. */
    StoreOutcome stow(byte[] part10, String source) throws IOException {
        return post("/stow" + (source == null ? "" : "?source=" + encode(source)), part10);
    }

    /** STOW-RS metadata-like: the caller parses the object and calls {@code store(ctx, Attributes)}. */
    StoreOutcome storeAttributes(byte[] part10, String source) throws IOException {
        return post("/metadata?source=" + encode(source), part10);
    }

    /** Import-like: the caller calls {@code importInstanceOnStorage(ctx, Attributes, ReadContext)}. */
    StoreOutcome importOnStorage(byte[] part10) throws IOException {
        return post("/metadata?import=true", part10);
    }

    /**
     * WADO-RS instance metadata: the attributes of the object file the archive stored for this instance, as DICOM
     * JSON (one object, keyed by tag); empty when the archive has no file for it.
     */
    JsonNode metadata(ArchiveRecord stored) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/aets/" + StandInArchive.AET + "/rs/studies/"
                        + encode(stored.studyInstanceUid()) + "/series/" + encode(stored.seriesInstanceUid())
                        + "/instances/" + encode(stored.sopInstanceUid()) + "/metadata"))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/dicom+json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() == 404) {
            return JSON.createObjectNode();
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from WADO-RS metadata: " + response.body());
        }
        return JSON.readTree(response.body()).path(0);
    }

    /** The STOW-RS endpoint the console releases to (yara-guard.stow.url, see prepare-wildfly.xml). */
    static String stowRsUrl() {
        return "http://127.0.0.1:" + ItEnvironment.httpPort() + "/" + StandInArchive.CONTEXT_ROOT + "/aets/"
                + StandInArchive.AET + "/rs/studies";
    }

    /**
     * STOW-RS proper: the Part-10 files as the parts of one {@code multipart/related; type="application/dicom"}
     * request to {@link #stowRsUrl()}. The outcome has the request's HTTP status (200 all stored, 202 some, 409
     * none), the stand-in's record ids and, per refused part, its FailureReason as {@code status}.
     */
    StowOutcome stowRs(List<byte[]> parts) throws IOException {
        String boundary = "it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stowRsUrl()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        Answer answer = send(request, "STOW-RS");
        List<Integer> failureReasons = new ArrayList<>();
        answer.json().path("failed").forEach(f -> failureReasons.add(f.path("failureReason").asInt()));
        return new StowOutcome(answer.status(), answer.records(), failureReasons);
    }

    /** What the STOW-RS endpoint answered to one request. */
    record StowOutcome(int httpStatus, List<String> records, List<Integer> failureReasons) {}

    private StoreOutcome post(String path, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Answer answer = send(request, path);
        JsonNode json = answer.json();
        return new StoreOutcome(answer.status(), json.path("outcome").asText(), json.path("status").asInt(),
                json.path("errorComment").asText(null), json.path("message").asText(null), answer.records());
    }

    /** The stand-in's JSON answer to one request, with the ids of the store records it wrote. */
    private record Answer(int status, JsonNode json, List<String> records) {
    }

    private Answer send(HttpRequest request, String what) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("HTTP " + response.statusCode() + " from " + what + ": " + response.body(), e);
        }
        List<String> records = new ArrayList<>();
        json.path("records").forEach(id -> records.add(id.asText()));
        return new Answer(response.statusCode(), json, records);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
