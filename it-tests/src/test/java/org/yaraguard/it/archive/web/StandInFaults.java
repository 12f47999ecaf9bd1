package org.yaraguard.it.archive.web;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test instrumentation, not part of the archive: makes the stand-in answer 500 (with a stack trace, as the archive's
 * REST services do for an unexpected exception) to WADO-RS retrieves ({@code wado}) or IOCM rejections
 * ({@code reject}) of one SOP Instance UID, until the fault is deleted: {@code PUT /dcm4chee-arc/standin/faults/
 * wado/1.2.3}.
 */
@Path("standin/faults/{kind}/{sop}")
public class StandInFaults {

    private static final Set<String> FAULTS = ConcurrentHashMap.newKeySet();

    @PUT
    public Response add(@PathParam("kind") String kind, @PathParam("sop") String sop) {
        FAULTS.add(kind + "/" + sop);
        return Response.noContent().build();
    }

    @DELETE
    public Response remove(@PathParam("kind") String kind, @PathParam("sop") String sop) {
        FAULTS.remove(kind + "/" + sop);
        return Response.noContent().build();
    }

    static boolean faulty(String kind, String sop) {
        return FAULTS.contains(kind + "/" + sop);
    }

    static Response fault(String where) {
        return ArchiveErrors.internal("java.lang.IllegalStateException: stand-in fault in " + where
                + "\n\tat org.yaraguard.it.archive.web.StandInFaults.fault(StandInFaults.java)\n");
    }
}
