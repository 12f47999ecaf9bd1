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
 * 2-argument store calls the 3-argument one on {@code this} with a no-op consumer. It follows the real order of
 * {@code store(ctx, data, coerce)} in 5.34.3: parse the stream and write the object file (zeroed preamble, fresh
 * file meta, the parsed dataset: writeToStorage), THEN call the consumer, then keep only the configured attribute
 * filter (updateDB); a failure after writing revokes the file. So what the consumer adds is seen by the rest of the
 * same store but never reaches the stored file, which is what the metadata endpoint serves back.
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
        byte[] received = data.readAllBytes();
        Attributes attrs = StandInDicomReader.read(received, ctx.getReceiveTranferSyntax());
        ctx.setAttributes(attrs);
        StandInStorage.PendingObject object = storage.write(StandInDicomWriter.part10(attrs), received);
        try {
            Attributes written = new Attributes(attrs);
            coerce.accept(ctx.getAttributes());
            remember(ctx, storage.record("store-stream", ctx.getStoreSession(), object, written,
                    ctx.getAttributes()));
            storage.commit(object);
        } catch (IOException | RuntimeException e) {
            storage.revoke(object);
            throw e;
        }
    }

    /** As the archive: the file is written from the attributes as given, then the database is updated. */
    @Override
    public void store(StoreContext ctx, Attributes attrs) throws IOException {
        ctx.setAttributes(attrs);
        StandInStorage.PendingObject object = storage.write(StandInDicomWriter.part10(attrs), null);
        try {
            remember(ctx, storage.record("store-attributes", ctx.getStoreSession(), object, attrs, attrs));
            storage.commit(object);
        } catch (IOException | RuntimeException e) {
            storage.revoke(object);
            throw e;
        }
    }

    /** As the archive: the file already lies on the storage; only the database is updated. */
    @Override
    public void importInstanceOnStorage(StoreContext ctx, Attributes attrs, ReadContext readCtx) throws IOException {
        ctx.setAttributes(attrs);
        remember(ctx, storage.recordImport(ctx.getStoreSession(), readCtx.getStoragePath(), attrs));
    }

    private static void remember(StoreContext ctx, String recordId) {
        if (ctx instanceof StandInStoreContext standIn) {
            standIn.addRecordId(recordId);
        }
    }
}
