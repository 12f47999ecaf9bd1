package org.dcm4chee.arc.store;

import org.dcm4che3.data.Attributes;
import org.dcm4chee.arc.storage.ReadContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Test copy of the ingest methods of dcm4chee-arc's StoreService interface (same package and signatures as
 * release 5.34.3), packed into the stand-in archive's EJB module as the archive packs the real one.
 */
public interface StoreService {

    void store(StoreContext ctx, InputStream data) throws IOException;

    void store(StoreContext ctx, InputStream data, Consumer<Attributes> coerce) throws IOException;

    void store(StoreContext ctx, Attributes attrs) throws IOException;

    void importInstanceOnStorage(StoreContext ctx, Attributes attrs, ReadContext readCtx) throws IOException;
}
