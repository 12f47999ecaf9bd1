package org.dcm4chee.arc.storage;

import java.io.IOException;
import java.io.InputStream;

/** Test copy of the member of dcm4chee-arc's Storage that the plugin uses. */
public interface Storage {

    InputStream openInputStream(ReadContext ctx) throws IOException;
}
