package org.yaraguard.it.archive.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.dcm4che3.data.Attributes;
import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.store.StoreContext;
import org.dcm4chee.arc.store.StoreService;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Test code standing in for dcm4chee-arc's StoreServiceImpl, which is not on Maven Central. Shaped like it where
 * the plugin can tell: package-private, {@code @ApplicationScoped}, in an EJB module without beans.xml, and the
 * 2-argument store calls the 3-argument one on {@code this} with a no-op consumer. The 3-argument store reads
 * the stream fully and writes it, parses it, calls the consumer with the parsed attributes, then records what the
 * consumer added (the archive's database update); a failure after writing revokes the written file.
 */
@ApplicationScoped
class StandInStoreService implements StoreService {

    private final StandInStorage storage = new StandInStorage();

    @Override
    public void store(StoreContext ctx, InputStream data) throws IOException {
        store(ctx, data, attrs -> { });
    }

    @Override
    public void store(StoreContext ctx, InputStream data, Consumer<Attributes> coerce) throws IOException {
        byte[] bytes = data.readAllBytes();
        StandInStorage.PendingObject object = storage.write(bytes);
        try {
            Attributes attrs = StandInDicomReader.read(bytes, ctx.getReceiveTranferSyntax());
            ctx.setAttributes(attrs);
            Attributes before = new Attributes(attrs);
            coerce.accept(ctx.getAttributes());
            storage.commit(object);
            remember(ctx, storage.record("store-stream", ctx.getStoreSession(), object, before,
                    ctx.getAttributes()));
        } catch (IOException | RuntimeException e) {
            storage.revoke(object);
            throw e;
        }
    }

    @Override
    public void store(StoreContext ctx, Attributes attrs) throws IOException {
        ctx.setAttributes(attrs);
        remember(ctx, storage.record("store-attributes", ctx.getStoreSession(), null, new Attributes(), attrs));
    }

    @Override
    public void importInstanceOnStorage(StoreContext ctx, Attributes attrs, ReadContext readCtx) throws IOException {
        ctx.setAttributes(attrs);
        remember(ctx, storage.record("import", ctx.getStoreSession(), null, new Attributes(), attrs));
    }

    private static void remember(StoreContext ctx, String recordId) {
        if (ctx instanceof StandInStoreContext standIn) {
            standIn.addRecordId(recordId);
        }
    }
}
