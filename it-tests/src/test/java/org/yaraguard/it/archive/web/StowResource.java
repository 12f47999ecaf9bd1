package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;
import org.dcm4chee.arc.store.StoreService;
import org.yaraguard.it.archive.store.StandInStoreContext;
import org.yaraguard.it.archive.store.StandInStoreSession;

import java.io.InputStream;

/**
 * Test code standing in for the archive's STOW-RS {@code application/dicom} part: the body is the whole Part-10
 * file (preamble included), the session has the HTTP request, and the 3-argument store is called with the
 * caller's own coercion consumer.
 */
@RequestScoped
@Path("stow")
public class StowResource {

    @Inject
    StoreService storeService;

    @Context
    HttpServletRequest request;

    @POST
    public Response store(@QueryParam("source") String source, InputStream data) {
        StandInStoreSession session = new StandInStoreSession(HttpServletRequestInfo.valueOf(request), source,
                "DCM4CHEE", request.getRemoteAddr(), request.getLocalAddr());
        StandInStoreContext ctx = new StandInStoreContext(session);
        return StoreAnswer.of(ctx, c -> storeService.store(c, data, attrs -> { }));
    }
}
