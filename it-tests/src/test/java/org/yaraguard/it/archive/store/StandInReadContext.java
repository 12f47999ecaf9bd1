package org.yaraguard.it.archive.store;

import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.storage.Storage;

/** Test code standing in for dcm4chee-arc's ReadContext: the path of an object already on the stand-in's storage. */
public final class StandInReadContext implements ReadContext {

    private final Storage storage = new StandInFileStorage();
    private String storagePath;

    @Override
    public Storage getStorage() {
        return storage;
    }

    @Override
    public String getStoragePath() {
        return storagePath;
    }

    @Override
    public void setStoragePath(String storagePath) {
        this.storagePath = storagePath;
    }
}
