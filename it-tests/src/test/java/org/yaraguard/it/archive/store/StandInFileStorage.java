package org.yaraguard.it.archive.store;

import org.dcm4chee.arc.storage.ReadContext;
import org.dcm4chee.arc.storage.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test code standing in for the archive's file-system storage: objects lie in the stand-in's folder under the
 * storage path of their read context (a name the stand-in chose, never one taken from an object).
 */
final class StandInFileStorage implements Storage {

    @Override
    public InputStream openInputStream(ReadContext ctx) throws IOException {
        Path folder = new StandInStorage().folder();
        Path file = folder.resolve(ctx.getStoragePath()).normalize();
        if (!file.startsWith(folder)) {
            throw new IOException("storage path outside the storage");
        }
        return Files.newInputStream(file);
    }
}
