package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.dcm4che3.data.Attributes;
import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;
import org.dcm4chee.arc.store.StoreService;
import org.yaraguard.it.archive.store.StandInDicomReader;
import org.yaraguard.it.archive.store.StandInReadContext;
import org.yaraguard.it.archive.store.StoredObjects;
import org.yaraguard.it.archive.store.StandInStoreContext;
import org.yaraguard.it.archive.store.StandInStoreSession;

import java.io.IOException;
import java.io.InputStream;

/**
 * Test code standing in for the archive's attribute-based stores: STOW-RS metadata with bulk data
 * ({@code store(ctx, Attributes)}) and, with {@code import=true}, the import of an object already on a storage
 * ({@code importInstanceOnStorage}). The body is a Part-10 file this caller parses into Attributes first, as the
 * archive's callers hand over attributes, not bytes; for an import the file is first put on the stand-in's storage,
 * where the archive's import finds its objects.
 */
@RequestScoped
@Path("metadata")
public class MetadataResource {

    @Inject
    StoreService storeService;

    @Context
    HttpServletRequest request;

    @POST
    public Response store(@QueryParam("source") String source, @QueryParam("import") boolean importing,
                          InputStream data) throws IOException {
        StandInStoreSession session = new StandInStoreSession(
                importing ? null : HttpServletRequestInfo.valueOf(request), source, "DCM4CHEE",
                request.getRemoteAddr(), request.getLocalAddr());
        StandInStoreContext ctx = new StandInStoreContext(session);
        byte[] bytes = data.readAllBytes();
        Attributes attrs = StandInDicomReader.read(bytes, null);
        if (importing) {
            StandInReadContext readCtx = new StandInReadContext();
            readCtx.setStoragePath(StoredObjects.placeForImport(bytes));
            return StoreAnswer.of(ctx, c -> storeService.importInstanceOnStorage(c, attrs, readCtx));
        }
        return StoreAnswer.of(ctx, c -> storeService.store(c, attrs));
    }
}
