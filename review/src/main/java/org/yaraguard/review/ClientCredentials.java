package org.yaraguard.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Authorization header for a Keycloak-secured archive: an OAuth 2.0 client-credentials access token from the
 * realm's token endpoint (a confidential client with a service account that has the archive's user role), kept
 * until 30 seconds before it expires. Failures surface as {@link UncheckedIOException}, which the STOW client turns
 * back into an {@link IOException}.
 */
public final class ClientCredentials implements Supplier<Optional<String>> {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant expires = Instant.MIN;

    /** A token source for one client of one realm, e.g. {@code https://kc/realms/dcm4che/protocol/openid-connect/token}. */
    public ClientCredentials(URI tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized Optional<String> get() {
        if (token == null || !clock.instant().isBefore(expires.minus(MARGIN))) {
            fetch();
        }
        return Optional.of("Bearer " + token);
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode json = EntryJson.MAPPER.readTree(response.body());
            String accessToken = json.path("access_token").asText("");
            if (accessToken.isEmpty()) {
                throw new IOException("the token endpoint sent no access_token");
            }
            token = accessToken;
            expires = clock.instant().plusSeconds(json.path("expires_in").asLong(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while fetching a token", e));
        }
    }
}
