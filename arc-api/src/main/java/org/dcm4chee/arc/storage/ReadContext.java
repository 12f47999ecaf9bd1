package org.dcm4chee.arc.storage;

/** Compile-only: the storage read context of {@code importInstanceOnStorage}: where the object to import lies. */
public interface ReadContext {

    Storage getStorage();

    String getStoragePath();
}
