package org.yaraguard.it.archive.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.dcm4che3.net.service.DicomServiceException;
import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;
import org.dcm4chee.arc.store.StoreService;
import org.yaraguard.it.archive.store.StandInStoreContext;
import org.yaraguard.it.archive.store.StandInStoreSession;
import org.yaraguard.it.archive.store.UnhookedStore;

import java.io.IOException;
import java.io.InputStream;

/**
 * Benchmark code, deployed only by the hook-cost benchmark: the C-STORE-like and STOW-like entry points of the
 * stand-in archive (see CStoreResource, StowResource), each either through the hooked {@code StoreService} or
 * through {@link UnhookedStore}, the same store without the hook. Both arms share everything else: HTTP, JAX-RS,
 * the context, the stand-in's work. The answer is a bare status (200 stored, 409 refused, 500 error).
 */
@RequestScoped
@Path("bench/{arm}")
public class BenchStoreResource {

    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    @Inject
    StoreService hooked;

    @Inject
    UnhookedStore unhooked;

    @Context
    HttpServletRequest request;

    @POST
    @Path("cstore")
    public Response cStore(@PathParam("arm") String arm, InputStream data) {
        StandInStoreContext ctx = new StandInStoreContext(new StandInStoreSession(null, "BENCHSCU", "DCM4CHEE",
                request.getRemoteAddr(), request.getLocalAddr()));
        ctx.setReceiveTransferSyntax(EXPLICIT_VR_LITTLE_ENDIAN);
        return answer(() -> {
            if (isHooked(arm)) {
                hooked.store(ctx, data);
            } else {
                unhooked.store(ctx, data);
            }
        });
    }

    @POST
    @Path("stow")
    public Response stow(@PathParam("arm") String arm, InputStream data) {
        StandInStoreContext ctx = new StandInStoreContext(new StandInStoreSession(
                HttpServletRequestInfo.valueOf(request), "BENCHSTOW", "DCM4CHEE", request.getRemoteAddr(),
                request.getLocalAddr()));
        return answer(() -> {
            if (isHooked(arm)) {
                hooked.store(ctx, data, attrs -> { });
            } else {
                unhooked.store(ctx, data, attrs -> { });
            }
        });
    }

    private static boolean isHooked(String arm) {
        if (!arm.equals("hooked") && !arm.equals("unhooked")) {
            throw new IllegalArgumentException("arm must be hooked or unhooked");
        }
        return arm.equals("hooked");
    }

    @FunctionalInterface
    private interface Store {
        void run() throws IOException;
    }

    private static Response answer(Store store) {
        try {
            store.run();
            return Response.ok().build();
        } catch (DicomServiceException e) {
            return Response.status(Response.Status.CONFLICT).entity(String.valueOf(e.getMessage())).build();
        } catch (IOException | RuntimeException e) {
            return Response.serverError().entity(String.valueOf(e)).build();
        }
    }
}
