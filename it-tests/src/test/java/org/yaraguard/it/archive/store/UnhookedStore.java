package org.yaraguard.it.archive.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.dcm4che3.data.Attributes;
import org.dcm4chee.arc.store.StoreContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Benchmark code: the stand-in archive's own store, with the hook truly absent from the call path. The plugin's
 * extension binds its interceptor only to bean classes implementing {@code StoreService}; this bean does not, and it
 * calls a {@link StandInStoreService} made with {@code new}, which is not a contextual instance, so Weld never
 * intercepts it. The bytes then take exactly the stand-in's steps (parse, write, consumer, record, commit) and
 * nothing of YARA Guard: the "without" of the hook-cost benchmark, in the same server and the same run.
 */
@ApplicationScoped
public class UnhookedStore {

    private final StandInStoreService archive = new StandInStoreService();

    /** As the archive's C-STORE SCP calls it. */
    public void store(StoreContext ctx, InputStream data) throws IOException {
        archive.store(ctx, data);
    }

    /** As STOW-RS calls it for an {@code application/dicom} part. */
    public void store(StoreContext ctx, InputStream data, Consumer<Attributes> coerce) throws IOException {
        archive.store(ctx, data, coerce);
    }
}
