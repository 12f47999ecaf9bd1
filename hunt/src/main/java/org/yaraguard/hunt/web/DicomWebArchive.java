package org.yaraguard.hunt.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaraguard.review.ReviewSettings;
import org.yaraguard.review.StowClient;
import org.yaraguard.settings.Schema;

/**
 * The archive's REST services of one AE, {@code http(s)://host:port/dcm4chee-arc/aets/AET/rs}: where the hunt's
 * QIDO-RS, WADO-RS and IOCM requests go, with the release client's credentials and a timeout per request.
 */
public final class DicomWebArchive {

    /** Property: the archive's REST base of the AE to hunt through; unset = the release URL without /studies. */
    public static final String URL = Schema.HUNT_DICOMWEB_URL;
    /** Property: seconds allowed for one request (connection, answer and body). */
    public static final String TIMEOUT = Schema.HUNT_DICOMWEB_TIMEOUT;

    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final URI base;
    private final Supplier<Optional<String>> authorization;
    private final Duration timeout;
    private final HttpClient http;

    public DicomWebArchive(URI base, Supplier<Optional<String>> authorization, Duration timeout) {
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || base.getRawQuery() != null) {
            throw new IllegalArgumentException("the archive's DICOMweb base must be an http or https URL without a"
                    + " query, e.g. http://localhost:8080/dcm4chee-arc/aets/DCM4CHEE/rs");
        }
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The archive as configured: {@code url} if given (e.g. a command-line option), else {@link #URL}, else the
     * release URL ({@code yara-guard.stow.url}) without its {@code /studies}; credentials as for releases.
     */
    public static DicomWebArchive configured(Properties p, String url) {
        String chosen = url != null && !url.isBlank() ? url.strip() : p.getProperty(URL, "").strip();
        if (chosen.isEmpty()) {
            String stow = p.getProperty(ReviewSettings.STOW_URL, "").strip();
            if (!stow.endsWith("/studies")) {
                throw new IllegalArgumentException("hunting over DICOMweb needs the archive's REST base (" + URL
                        + " or --dicomweb), e.g. http://localhost:8080/dcm4chee-arc/aets/DCM4CHEE/rs");
            }
            chosen = stow.substring(0, stow.length() - "/studies".length());
        }
        long seconds = Long.parseLong(p.getProperty(TIMEOUT, "120").strip());
        if (seconds <= 0) {
            throw new IllegalArgumentException(TIMEOUT + " must be a positive number of seconds");
        }
        return new DicomWebArchive(URI.create(chosen), StowClient.authorization(p), Duration.ofSeconds(seconds));
    }

    /** The base as given, for reports ("dicomweb:BASE"). */
    public URI base() {
        return base;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The URL of a path under the base; every UID in it must be well-formed (digits and dots, at most 64): the
     * UIDs come from the archive's answers or from objects, and never shape a URL otherwise.
     */
    URI resolve(String path, String... uids) throws IOException {
        Object[] checked = new Object[uids.length];
        for (int i = 0; i < uids.length; i++) {
            if (!wellFormedUid(uids[i])) {
                throw new IOException("not a well-formed UID: cannot be asked for over DICOMweb");
            }
            checked[i] = uids[i];
        }
        return URI.create(base + String.format(path, checked));
    }

    static boolean wellFormedUid(String uid) {
        return uid != null && uid.length() <= 64 && UID.matcher(uid).matches();
    }

    /** A request with the timeout and the Authorization header. */
    HttpRequest.Builder request(URI uri) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        try {
            authorization.get().ifPresent(value -> request.header("Authorization", value));
        } catch (UncheckedIOException e) {
            throw new IOException("no access token for the archive: " + e.getCause().getMessage(), e.getCause());
        }
        return request;
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the archive", e);
        }
    }
}
