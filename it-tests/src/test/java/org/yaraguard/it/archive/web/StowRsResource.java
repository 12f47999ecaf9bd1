package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dcm4che3.net.service.DicomServiceException;
import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;
import org.dcm4chee.arc.store.StoreService;
import org.yaraguard.it.archive.store.StandInStoreContext;
import org.yaraguard.it.archive.store.StandInStoreSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test code standing in for the archive's STOW-RS endpoint, {@code POST /dcm4chee-arc/aets/{AET}/rs/studies} with
 * {@code multipart/related; type="application/dicom"}: as dcm4chee-arc's StowRS does, one store session for the
 * request (with the HTTP request), and for each {@code application/dicom} part a fresh store context and the
 * 3-argument {@code store(ctx, partStream, coerce)} with the caller's own coercion consumer. Answers 200 when every
 * part was stored, 202 when some were, 409 when none (with each failure's DICOM status, as FailureReason).
 */
@RequestScoped
@Path("aets/{aet}/rs")
public class StowRsResource {

    @Inject
    StoreService storeService;

    @Context
    HttpServletRequest request;

    @POST
    @Path("studies")
    @Consumes("multipart/related")
    public Response store(@PathParam("aet") String aet, @HeaderParam("Content-Type") String contentType,
                          InputStream body) throws IOException {
        String type = parameter(contentType, "type");
        if (type != null && !type.equalsIgnoreCase("application/dicom")) {
            return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).build();
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity("no boundary").build();
        }
        List<byte[]> parts = parts(body.readAllBytes(), boundary);
        StandInStoreSession session = new StandInStoreSession(HttpServletRequestInfo.valueOf(request), null, aet,
                request.getRemoteAddr(), request.getLocalAddr());
        JsonArrayBuilder stored = Json.createArrayBuilder();
        JsonArrayBuilder failed = Json.createArrayBuilder();
        int storedCount = 0;
        int failedCount = 0;
        for (byte[] part : parts) {
            StandInStoreContext ctx = new StandInStoreContext(session);
            try (InputStream in = new ByteArrayInputStream(part)) {
                storeService.store(ctx, in, attrs -> { });
                ctx.recordIds().forEach(stored::add);
                storedCount++;
            } catch (DicomServiceException e) {
                failed.add(Json.createObjectBuilder().add("failureReason", e.getStatus())
                        .add("message", e.getMessage() == null ? "" : e.getMessage()));
                failedCount++;
            }
        }
        Response.Status status = failedCount == 0 && storedCount > 0 ? Response.Status.OK
                : storedCount > 0 ? Response.Status.ACCEPTED : Response.Status.CONFLICT;
        String json = Json.createObjectBuilder().add("records", stored).add("failed", failed).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
    }

    /**
     * The bodies of the parts whose Content-Type is application/dicom, or absent (the request's type then applies);
     * RFC 2046 framing with CRLF line ends.
     */
    static List<byte[]> parts(byte[] body, String boundary) throws IOException {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] first = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, first, 0);
        if (at < 0) {
            throw new IOException("no opening boundary");
        }
        List<byte[]> parts = new ArrayList<>();
        int pos = at + first.length;
        while (true) {
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts;
            }
            int headersStart = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), pos) + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart - 2);
            if (headersStart < 2 || headersEnd < 0) {
                throw new IOException("truncated multipart body");
            }
            String headers = new String(body, headersStart, Math.max(0, headersEnd - headersStart),
                    StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).replace(" ", "");
            int contentStart = headersEnd + 4;
            int end = indexOf(body, delimiter, contentStart);
            if (end < 0) {
                throw new IOException("no closing boundary");
            }
            if (headers.contains("content-type:application/dicom") || !headers.contains("content-type:")) {
                byte[] part = new byte[end - contentStart];
                System.arraycopy(body, contentStart, part, 0, part.length);
                parts.add(part);
            }
            pos = end + delimiter.length;
        }
    }

    private static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase(name)) {
                String v = kv[1].strip();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
