package org.yaraguard.hunt.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * WADO-RS retrieve of one instance as dcm4chee-arc serves it: {@code GET .../instances/{sop}} with
 * {@code Accept: multipart/related; type="application/dicom"; transfer-syntax=*} (the stored file as it is, its
 * zeroed preamble included), answered 200 with one {@code application/dicom} part, 404 when the archive does not
 * list the instance (e.g. it was rejected). The whole retrieve, body included, has the archive's timeout.
 */
final class Wado {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yara-guard-hunt-wado-timeout");
        t.setDaemon(true);
        return t;
    });

    private final DicomWebArchive archive;
    private final MultipartLimits limits;

    Wado(DicomWebArchive archive, MultipartLimits limits) {
        this.archive = archive;
        this.limits = limits;
    }

    /** The URL of an instance, as reports name it. */
    URI url(HuntInstance instance) throws IOException {
        return archive.resolve("/studies/%s/series/%s/instances/%s", instance.studyInstanceUid(),
                instance.seriesInstanceUid(), instance.sopInstanceUid());
    }

    /**
     * Opens the instance's DICOM part. The caller reads {@link Retrieved#object()} (bounded by its spool), then
     * calls {@link Retrieved#finish()} to check that nothing else came.
     */
    Retrieved retrieve(HuntInstance instance) throws IOException {
        URI uri = url(instance);
        HttpRequest request = archive.request(uri)
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*").GET().build();
        HttpResponse<InputStream> response = archive.send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> closeQuietly(body),
                archive.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (response.statusCode() != 200) {
                throw new DicomWebException(response.statusCode(), "WADO-RS answered HTTP " + response.statusCode()
                        + ": " + DicomWebException.excerpt(body));
            }
            ContentType type = ContentType.parse(response.headers().firstValue("Content-Type").orElse(null));
            if (!type.is("multipart/related")) {
                throw new DicomWebTrouble("WADO-RS answered " + type.mediaType() + ", not multipart/related");
            }
            MultipartRelatedReader parts = new MultipartRelatedReader(body, type.parameter("boundary"), limits);
            MultipartRelatedReader.Part part = parts.next();
            if (part == null) {
                throw new DicomWebTrouble("WADO-RS answered no part for the instance");
            }
            ContentType partType = ContentType.parse(part.contentType());
            if (!partType.is("application/dicom")) {
                throw new DicomWebTrouble("WADO-RS answered a part of type '" + partType.mediaType()
                        + "', not application/dicom");
            }
            return new Retrieved(uri, part.body(), parts, body, deadline);
        } catch (IOException | RuntimeException e) {
            deadline.cancel(false);
            closeQuietly(body);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing after a failure or at the deadline: nothing left to tell
        }
    }

    /** One retrieve under way: the DICOM part's stream, valid until {@link #close()}. */
    static final class Retrieved implements AutoCloseable {

        private final URI url;
        private final InputStream object;
        private final MultipartRelatedReader parts;
        private final InputStream body;
        private final ScheduledFuture<?> deadline;

        private Retrieved(URI url, InputStream object, MultipartRelatedReader parts, InputStream body,
                          ScheduledFuture<?> deadline) {
            this.url = url;
            this.object = object;
            this.parts = parts;
            this.body = body;
            this.deadline = deadline;
        }

        URI url() {
            return url;
        }

        /** The bytes of the application/dicom part. */
        InputStream object() {
            return object;
        }

        /** After the object was read to its end: a second part for one instance is trouble. */
        void finish() throws IOException {
            if (parts.next() != null) {
                throw new DicomWebTrouble("WADO-RS answered more than one part for one instance");
            }
        }

        @Override
        public void close() {
            deadline.cancel(false);
            closeQuietly(body);
        }
    }
}
