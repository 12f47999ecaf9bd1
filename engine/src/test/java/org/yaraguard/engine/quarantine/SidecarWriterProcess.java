package org.yaraguard.engine.quarantine;

import java.nio.file.Path;

/** A review in another process: appends events to one sidecar (arguments: folder, sidecar, writer, count). */
public final class SidecarWriterProcess {

    private SidecarWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        SidecarConcurrencyTest.appendEvents(new Quarantine(Path.of(args[0])), Path.of(args[1]), args[2],
                Integer.parseInt(args[3]));
    }
}
