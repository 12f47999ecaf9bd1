package org.dcm4chee.arc.storage;

import java.io.IOException;
import java.io.InputStream;

/** Compile-only: the one member of dcm4chee-arc's Storage the hook uses, to read an object to import. */
public interface Storage {

    InputStream openInputStream(ReadContext ctx) throws IOException;
}
