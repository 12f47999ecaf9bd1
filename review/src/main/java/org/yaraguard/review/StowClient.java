package org.yaraguard.review;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Property: the token endpoint of the archive's Keycloak realm (client-credentials grant); unset = none. */
    public static final String TOKEN_URL = "yara-guard.stow.token.url";
    /** Property: the confidential client's id. */
    public static final String CLIENT_ID = "yara-guard.stow.client.id";
    /** Property: the client's secret (or the environment variable YARA_GUARD_STOW_CLIENT_SECRET). */
    public static final String CLIENT_SECRET = "yara-guard.stow.client.secret";

    /** A client without authentication and a two-minute timeout. */
    public static StowClient anonymous() {
        return new StowClient(Optional::empty, Duration.ofMinutes(2));
    }

    /** A client that authenticates with client credentials when {@link #TOKEN_URL} is set, else anonymous. */
    public static StowClient configured(java.util.Properties p) {
        return new StowClient(authorization(p), Duration.ofMinutes(2));
    }

    /**
     * The Authorization header for requests to the archive, as configured for releases: client credentials when
     * {@link #TOKEN_URL} is set, else none. Other clients of the same archive (the hunt's DICOMweb) use it too.
     */
    public static Supplier<Optional<String>> authorization(java.util.Properties p) {
        String tokenUrl = p.getProperty(TOKEN_URL, "").strip();
        if (tokenUrl.isEmpty()) {
            return Optional::empty;
        }
        String secret = p.getProperty(CLIENT_SECRET, System.getenv().getOrDefault("YARA_GUARD_STOW_CLIENT_SECRET",
                ""));
        String client = p.getProperty(CLIENT_ID, "").strip();
        if (client.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException(TOKEN_URL + " needs " + CLIENT_ID + " and " + CLIENT_SECRET);
        }
        return new ClientCredentials(URI.create(tokenUrl), client, secret, java.time.Clock.systemUTC());
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
        try {
            authorization.get().ifPresent(value -> request.header("Authorization", value));
        } catch (UncheckedIOException e) {
            throw new IOException("no access token for the archive: " + e.getCause().getMessage(), e.getCause());
        }
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
