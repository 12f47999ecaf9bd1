package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.yaraguard.it.archive.store.StandInInstance;
import org.yaraguard.it.archive.store.StandInRejections;
import org.yaraguard.it.archive.store.StoredObjects;

import java.io.IOException;
import java.util.Set;

/**
 * Test code standing in for the archive's IocmRS instance rejection,
 * {@code POST /dcm4chee-arc/aets/{AET}/rs/studies/{study}/series/{series}/instances/{sop}/reject/{code}^{scheme}},
 * answered as IocmRS and RejectionServiceImpl of 5.34.3 do through the default query view: 404 "Unknown Rejection
 * Note Code" for a code that is not one of the built-in rejection notes; the rejection note references the
 * instances that view shows, so an unknown, or already rejected, instance answers 404 "No instances of
 * Study[UID=...] found for rejection."; otherwise the instance is rejected (it leaves QIDO and WADO, its file
 * stays) and the answer is 200 {@code {"count":1}}. The archive also stores the rejection note (a KOS) through its
 * StoreService; the stand-in's attributes have no sequences, so it keeps only the rejection itself.
 */
@RequestScoped
@Path("aets/{aet}/rs")
public class IocmRsResource {

    private static final Set<String> REJECTION_NOTES = Set.of("113001^DCM", "113037^DCM", "113038^DCM",
            "113039^DCM");

    @POST
    @Path("studies/{study}/series/{series}/instances/{sop}/reject/{codeValue}^{designator}")
    @Produces("application/json")
    public Response reject(@PathParam("aet") String aet, @PathParam("study") String study,
                           @PathParam("series") String series, @PathParam("sop") String sop,
                           @PathParam("codeValue") String codeValue, @PathParam("designator") String designator)
            throws IOException {
        if (!ArchiveErrors.knownAe(aet)) {
            return ArchiveErrors.noSuchAe(aet);
        }
        String code = codeValue + "^" + designator;
        if (!REJECTION_NOTES.contains(code)) {
            return ArchiveErrors.error(Response.Status.NOT_FOUND, "Unknown Rejection Note Code: (" + codeValue
                    + ", " + designator + ")");
        }
        if (StandInFaults.faulty("reject", sop)) {
            return StandInFaults.fault("IocmRS");
        }
        synchronized (IocmRsResource.class) {
            boolean shown = false;
            for (StandInInstance instance : StoredObjects.visible()) {
                shown |= instance.studyInstanceUid().equals(study) && instance.seriesInstanceUid().equals(series)
                        && instance.sopInstanceUid().equals(sop);
            }
            if (!shown) {
                return ArchiveErrors.error(Response.Status.NOT_FOUND, "No instances of Study[UID=" + study
                        + "] found for rejection.");
            }
            StandInRejections.reject(sop, code);
        }
        return Response.ok("{\"count\":1}").build();
    }
}
