package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.yaraguard.it.archive.store.StoredObjects;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Test code standing in for the archive's WADO-RS instance retrieve,
 * {@code GET /dcm4chee-arc/aets/{AET}/rs/studies/{study}/series/{series}/instances/{sop}} with
 * {@code Accept: multipart/related; type="application/dicom"}: the object file the archive stored (zeroed
 * preamble, its own file meta) as the one part, {@code application/dicom} with its transfer syntax, in a
 * {@code multipart/related; type="application/dicom"} answer; 406 when the Accept header allows no DICOM part;
 * 404 "No matches found." for an instance the archive does not show (unknown, or rejected).
 */
@RequestScoped
@Path("aets/{aet}/rs")
public class WadoRsRetrieveResource {

    private static final String STORED_TRANSFER_SYNTAX = "1.2.840.10008.1.2.1";

    @GET
    @Path("studies/{study}/series/{series}/instances/{sop}")
    public Response retrieve(@PathParam("aet") String aet, @PathParam("study") String study,
                             @PathParam("series") String series, @PathParam("sop") String sop,
                             @HeaderParam("Accept") String accept) throws IOException {
        if (!ArchiveErrors.knownAe(aet)) {
            return ArchiveErrors.noSuchAe(aet);
        }
        String acceptable = accept == null ? "" : accept.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!acceptable.contains("multipart/related") || !acceptable.contains("type=\"application/dicom\"")
                && !acceptable.contains("type=application/dicom")) {
            return Response.status(Response.Status.NOT_ACCEPTABLE).build();
        }
        if (StandInFaults.faulty("wado", sop)) {
            return StandInFaults.fault("WadoRS");
        }
        Optional<java.nio.file.Path> file = StoredObjects.latest(study, series, sop);
        if (file.isEmpty()) {
            return ArchiveErrors.error(Response.Status.NOT_FOUND, "No matches found.");
        }
        String boundary = UUID.randomUUID().toString();
        java.nio.file.Path object = file.get();
        StreamingOutput body = out -> {
            out.write(("--" + boundary + "\r\nContent-Type: application/dicom;transfer-syntax="
                    + STORED_TRANSFER_SYNTAX + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Files.copy(object, out);
            out.write(("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        };
        return Response.ok(body).header("Content-Type", "multipart/related;type=\"application/dicom\";boundary="
                + boundary + ";transfer-syntax=" + STORED_TRANSFER_SYNTAX).build();
    }
}
