package org.yaraguard.hunt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.yaraguard.hunt.HitAction;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.Rejection;

/**
 * Rejects one instance through the archive's IOCM REST service,
 * {@code POST {base}/studies/{study}/series/{series}/instances/{sop}/reject/{code}^{scheme}}, read from IocmRS and
 * RejectionServiceImpl of dcm4chee-arc 5.34.3:
 * <ul>
 *   <li>200 {@code {"count":n}}: rejected (the archive stored a rejection note; the instance leaves query and
 *       retrieve, and revoke-rejection restores it);</li>
 *   <li>404 "No instances of Study[...] found for rejection.": the AE's query view no longer shows the instance.
 *       The hunt has just found it, so it was rejected before (or deleted): already rejected;</li>
 *   <li>400 "... already rejected.": rejected before with a code this one may not overwrite: already rejected;</li>
 *   <li>404 for an unknown AE or a code that is not a rejection note, 403, 409, other 4xx: failed, with the
 *       archive's text; 5xx and I/O errors are tried again a bounded number of times, then failed.</li>
 * </ul>
 * Asking twice is harmless: the second answer is "already rejected". Never called on a dry run: this is the hunt's
 * action only with {@code --reject}.
 */
public final class IocmRejecter implements HitAction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DicomWebArchive archive;
    private final RejectionCode code;
    private final int attempts;
    private final Duration backoff;

    /**
     * @param attempts tries for one instance when the archive answers 5xx or the connection fails (at least 1)
     * @param backoff  wait before the second try, doubled before each later one
     */
    public IocmRejecter(DicomWebArchive archive, RejectionCode code, int attempts, Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.archive = archive;
        this.code = code;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    public RejectionCode code() {
        return code;
    }

    @Override
    public Rejection act(HuntHit hit) {
        return reject(hit.studyInstanceUid(), hit.seriesInstanceUid(), hit.sopInstanceUid());
    }

    /** Rejects the instance; never throws for what the archive answers, and waits between retries. */
    public Rejection reject(String study, String series, String sop) {
        URI uri;
        try {
            uri = archive.resolve("/studies/%s/series/%s/instances/%s/reject/" + code.value() + "%%5E" + code.scheme(),
                    study, series, sop);
        } catch (IOException e) {
            return new Rejection(Rejection.FAILED, null, e.getMessage());
        }
        Rejection last = null;
        Duration wait = backoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1 && !pause(wait)) {
                return new Rejection(Rejection.FAILED, last.httpStatus(), "interrupted; last: "
                        + last.message());
            }
            if (attempt > 1) {
                wait = wait.multipliedBy(2);
            }
            last = once(uri);
            if (!last.failed() || !retryable(last)) {
                return last;
            }
        }
        return new Rejection(last.status(), last.httpStatus(), last.message() + " (after " + attempts
                + " attempts)");
    }

    private Rejection once(URI uri) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = archive.request(uri).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            response = archive.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Rejection(Rejection.FAILED, null, "no answer from the archive: " + e);
        }
        int status = response.statusCode();
        String message = errorMessage(response.body());
        if (status == 200) {
            return new Rejection(Rejection.REJECTED, status, "rejected with " + code);
        }
        if (status == 404 && message.contains("found for rejection")
                || status == 400 && message.contains("already rejected")) {
            return new Rejection(Rejection.ALREADY_REJECTED, status, message);
        }
        return new Rejection(Rejection.FAILED, status, message.isEmpty() ? "HTTP " + status : message);
    }

    private static boolean retryable(Rejection answer) {
        return answer.httpStatus() == null || answer.httpStatus() >= 500;
    }

    /**
     * The archive sends {@code {"errorMessage":"..."}} as text/plain (and a stack trace for 500): the message when
     * it parses, else the first characters of the body on one line.
     */
    private static String errorMessage(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("errorMessage").isTextual()) {
                text = json.path("errorMessage").asText();
            }
        } catch (IOException notJson) {
            // a stack trace or an empty body: keep the excerpt
        }
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
