package org.yaraguard.engine.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Sends one Part-10 object to a STOW-RS endpoint as multipart/related; type="application/dicom". */
public final class StowClient {

    private final HttpClient http;
    private final Supplier<Optional<String>> authorization;
    private final Duration timeout;

    /**
     * @param authorization value of the Authorization header per request (e.g. a bearer token), or empty
     * @param timeout       time allowed for the whole request
     */
    public StowClient(Supplier<Optional<String>> authorization, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** A client without authentication and a two-minute timeout. */
    public static StowClient anonymous() {
        return new StowClient(Optional::empty, Duration.ofMinutes(2));
    }

    /** The answer of the archive. */
    public record Response(int status, String body) {
        /** 200 (stored) or 202 (stored with warnings). */
        public boolean stored() {
            return status == 200 || status == 202;
        }
    }

    /**
     * Posts {@code header} (may be empty) followed by the bytes of {@code object} as the single part.
     */
    public Response send(URI endpoint, byte[] header, Path object) throws IOException {
        String boundary = "yara-guard-" + UUID.randomUUID();
        byte[] open = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] close = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(open),
                        HttpRequest.BodyPublishers.ofByteArray(header), HttpRequest.BodyPublishers.ofFile(object),
                        HttpRequest.BodyPublishers.ofByteArray(close)));
        authorization.get().ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body.length() > 4000 ? body.substring(0, 4000) : body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to the archive", e);
        }
    }
}
