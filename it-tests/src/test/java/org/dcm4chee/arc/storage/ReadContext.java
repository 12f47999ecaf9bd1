package org.dcm4chee.arc.storage;

/** Test copy of dcm4chee-arc's ReadContext: where an object to import already lies on a storage. */
public interface ReadContext {

    Storage getStorage();

    String getStoragePath();

    void setStoragePath(String storagePath);
}
