package org.yaraguard.it.archive.store;

import org.dcm4chee.arc.storage.ReadContext;

/** Test code standing in for dcm4chee-arc's ReadContext: the path of an object already on a storage. */
public final class StandInReadContext implements ReadContext {

    private String storagePath;

    @Override
    public String getStoragePath() {
        return storagePath;
    }

    @Override
    public void setStoragePath(String storagePath) {
        this.storagePath = storagePath;
    }
}
