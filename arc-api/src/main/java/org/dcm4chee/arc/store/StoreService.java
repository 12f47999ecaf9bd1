package org.dcm4chee.arc.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.dcm4che3.data.Attributes;
import org.dcm4chee.arc.storage.ReadContext;

/** Compile-only: the ingest entry points of dcm4chee-arc's store service (5.34.3), which the hook intercepts. */
public interface StoreService {

    void store(StoreContext ctx, InputStream data) throws IOException;

    void store(StoreContext ctx, InputStream data, Consumer<Attributes> coerce) throws IOException;

    void store(StoreContext ctx, Attributes attrs) throws IOException;

    void importInstanceOnStorage(StoreContext ctx, Attributes attrs, ReadContext readCtx) throws IOException;
}
