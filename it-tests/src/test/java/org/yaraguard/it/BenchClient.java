package org.yaraguard.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends one object to the benchmark's entry points (archive/bench/BenchStoreResource), hooked or not. */
final class BenchClient {

    /** The archive's two stream entry points. */
    enum Path { CSTORE, STOW }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base = "http://127.0.0.1:" + ItEnvironment.httpPort() + "/" + StandInArchive.CONTEXT_ROOT
            + "/bench/";

    /** Stores {@code body}; throws unless the archive stored it. */
    void store(Path path, boolean hooked, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + (hooked ? "hooked/" : "unhooked/")
                        + (path == Path.CSTORE ? "cstore" : "stow")))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri() + ": "
                    + response.body());
        }
    }
}
