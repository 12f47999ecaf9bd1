package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.yaraguard.it.archive.store.StandInDicomReader;
import org.yaraguard.it.archive.store.StoredObjects;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Optional;

/**
 * Test code standing in for the archive's WADO-RS instance metadata,
 * {@code GET /dcm4chee-arc/aets/{AET}/rs/studies/{study}/series/{series}/instances/{sop}/metadata}: the attributes
 * of the object file the archive stored for that instance (the latest store of it), as DICOM JSON. What a
 * consumer added during the store is not in that file, so it is not served.
 */
@RequestScoped
@Path("aets/{aet}/rs/studies/{study}/series/{series}/instances/{sop}/metadata")
public class WadoRsResource {

    @GET
    public Response metadata(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop) throws IOException {
        Optional<java.nio.file.Path> file = StoredObjects.latest(study, series, sop);
        if (file.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Attributes attributes = StandInDicomReader.read(Files.readAllBytes(file.get()), null);
        JsonObjectBuilder instance = Json.createObjectBuilder();
        for (int tag : attributes.tags()) {
            instance.add(String.format("%08X", tag), element(attributes, tag));
        }
        JsonArrayBuilder answer = Json.createArrayBuilder().add(instance);
        return Response.ok(answer.build().toString(), "application/dicom+json").build();
    }

    private static JsonObjectBuilder element(Attributes attributes, int tag) throws IOException {
        VR vr = attributes.getVR(tag);
        JsonObjectBuilder element = Json.createObjectBuilder().add("vr", vr.name());
        if (vr.isStringType()) {
            String[] values = attributes.getStrings(tag);
            if (values != null) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (String value : values) {
                    array.add(value);
                }
                element.add("Value", array);
            }
        } else {
            byte[] bytes = attributes.getBytes(tag);
            if (bytes != null) {
                element.add("InlineBinary", Base64.getEncoder().encodeToString(bytes));
            }
        }
        return element;
    }
}
