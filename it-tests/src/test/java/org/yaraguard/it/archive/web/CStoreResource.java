package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.dcm4chee.arc.store.StoreService;
import org.yaraguard.it.archive.store.StandInStoreContext;
import org.yaraguard.it.archive.store.StandInStoreSession;

import java.io.InputStream;

/**
 * Test code standing in for the archive's C-STORE SCP: the body is a bare dataset in the transfer syntax
 * {@code ts} (as negotiated on an association), the session carries the calling and called AE titles and the
 * peer's address and no HTTP request, and the 2-argument {@code store(ctx, InputStream)} is called. Over HTTP a
 * test sends exact bytes; real DICOM peers take the same path through the stand-in's listener (archive/net).
 */
@RequestScoped
@Path("cstore")
public class CStoreResource {

    @Inject
    StoreService storeService;

    @Context
    HttpServletRequest request;

    @POST
    public Response store(@QueryParam("calling") String calling, @QueryParam("called") String called,
                          @QueryParam("ts") String transferSyntax, InputStream data) {
        StandInStoreSession session = new StandInStoreSession(null, StoreAnswer.orDefault(calling, "STORESCU"),
                StoreAnswer.orDefault(called, "DCM4CHEE"), request.getRemoteAddr(), request.getLocalAddr());
        StandInStoreContext ctx = new StandInStoreContext(session);
        ctx.setReceiveTransferSyntax(StoreAnswer.orDefault(transferSyntax, StoreAnswer.EXPLICIT_VR_LITTLE_ENDIAN));
        return StoreAnswer.of(ctx, c -> storeService.store(c, data));
    }
}
