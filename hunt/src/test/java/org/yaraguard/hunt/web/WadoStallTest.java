package org.yaraguard.hunt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.yaraguard.hunt.StoredObject;

/** A WADO-RS answer that starts and then stalls is cut at the archive's timeout: the hunt never waits forever. */
class WadoStallTest {

    @Test
    void aRetrieveThatStallsMidBodyEndsAtTheTimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/rs/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "multipart/related;type=\"application/dicom\";"
                    + "boundary=stall");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("--stall\r\nContent-Type: application/dicom\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rs");
            DicomWebSource source = new DicomWebSource(new DicomWebArchive(base, Optional::empty,
                    Duration.ofSeconds(3)), QidoQuery.parse(List.of()), 10, 10, MultipartLimits.DEFAULT);
            StoredObject object = new StoredObject("1.2.3/1.2.3.4/1.2.3.4.5", "x", "1.2.3", -1);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (InputStream in = source.open(object)) {
                    assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
                }
            }, "the watchdog did not cut the stalled body");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
