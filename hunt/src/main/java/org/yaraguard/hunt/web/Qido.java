package org.yaraguard.hunt.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * QIDO-RS pages as dcm4chee-arc answers them: 200 with {@code application/dicom+json}, 204 when nothing (more)
 * matches, and a {@code Warning} header when the archive capped the page below the asked limit (its
 * qidoMaxNumberOfResults). Ordered by UIDs, so every run and every host walks the archive in the same order.
 */
final class Qido {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A page of QIDO JSON larger than this is not read. */
    private static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

    private final DicomWebArchive archive;
    private final int limit;

    Qido(DicomWebArchive archive, int limit) {
        this.archive = archive;
        this.limit = limit;
    }

    /**
     * One page: the matches, how many matches had UIDs that are not well-formed (never asked for: failures), and
     * whether the archive may have more after it.
     */
    record Page<T>(List<T> items, int malformed, boolean more) {}

    Page<HuntStudy> studies(QidoQuery query, int offset) throws IOException {
        String q = query.queryString();
        URI uri = URI.create(archive.base() + "/studies?" + (q.isEmpty() ? "" : q + "&")
                + "orderby=StudyInstanceUID&offset=" + offset + "&limit=" + limit);
        return page(uri, match -> {
            String uid = string(match, "0020000D");
            return DicomWebArchive.wellFormedUid(uid) ? new HuntStudy(uid, string(match, "00100020"),
                    string(match, "00080050"), string(match, "00080020")) : null;
        });
    }

    Page<HuntInstance> instances(HuntStudy study, int offset) throws IOException {
        URI uri = URI.create(archive.resolve("/studies/%s/instances", study.studyInstanceUid())
                + "?orderby=SeriesInstanceUID,SOPInstanceUID&offset=" + offset + "&limit=" + limit);
        return page(uri, match -> {
            String series = string(match, "0020000E");
            String sop = string(match, "00080018");
            boolean wellFormed = DicomWebArchive.wellFormedUid(series) && DicomWebArchive.wellFormedUid(sop);
            return wellFormed ? new HuntInstance(study, series, sop, string(match, "00080016")) : null;
        });
    }

    /** Reads one page; {@code match} gives null for a match whose UIDs are not well-formed. */
    private <T> Page<T> page(URI uri, Function<JsonNode, T> match) throws IOException {
        HttpRequest request = archive.request(uri).header("Accept", "application/dicom+json").GET().build();
        HttpResponse<InputStream> response = archive.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 204) {
                return new Page<>(List.of(), 0, false);
            }
            if (response.statusCode() != 200) {
                throw new DicomWebException(response.statusCode(), "QIDO-RS " + uri.getPath() + " answered HTTP "
                        + response.statusCode() + ": " + DicomWebException.excerpt(body));
            }
            byte[] bytes = body.readNBytes(MAX_PAGE_BYTES + 1);
            if (bytes.length > MAX_PAGE_BYTES) {
                throw new IOException("QIDO-RS page larger than " + MAX_PAGE_BYTES + " bytes: ask for smaller pages");
            }
            JsonNode matches = JSON.readTree(bytes);
            if (matches == null || !matches.isArray()) {
                throw new IOException("QIDO-RS " + uri.getPath() + " answered something other than a JSON array");
            }
            List<T> items = new ArrayList<>();
            for (JsonNode node : matches) {
                T item = match.apply(node);
                if (item != null) {
                    items.add(item);
                }
            }
            boolean capped = response.headers().firstValue("Warning").isPresent();
            return new Page<>(items, matches.size() - items.size(), capped || matches.size() >= limit);
        }
    }

    private static String string(JsonNode match, String tag) {
        JsonNode value = match.path(tag).path("Value").path(0);
        return value.isTextual() ? value.asText() : null;
    }
}
