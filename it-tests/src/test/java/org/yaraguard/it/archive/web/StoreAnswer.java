package org.yaraguard.it.archive.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dcm4che3.net.service.DicomServiceException;
import org.yaraguard.it.archive.store.StandInStoreContext;

import java.io.IOException;

/**
 * Test code: how the stand-in archive's entry points answer. Stored: the ids of the stand-in's records. Refused:
 * HTTP 409 (as STOW-RS when nothing was stored) with the DICOM status and the error comment a C-STORE sender gets,
 * cut to 64 characters as the archive's response does.
 */
final class StoreAnswer {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final int ERROR_COMMENT_MAX = 64;

    @FunctionalInterface
    interface Call {
        void store(StandInStoreContext ctx) throws IOException;
    }

    private StoreAnswer() {
    }

    static Response of(StandInStoreContext ctx, Call call) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        Response.Status status;
        try {
            call.store(ctx);
            var records = Json.createArrayBuilder();
            ctx.recordIds().forEach(records::add);
            json.add("outcome", "stored").add("records", records);
            status = Response.Status.OK;
        } catch (DicomServiceException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            json.add("outcome", "refused").add("status", e.getStatus()).add("message", message)
                    .add("errorComment", message.length() > ERROR_COMMENT_MAX
                            ? message.substring(0, ERROR_COMMENT_MAX) : message);
            status = Response.Status.CONFLICT;
        } catch (IOException | RuntimeException e) {
            json.add("outcome", "error").add("message", String.valueOf(e));
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json.build().toString()).build();
    }

    static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
