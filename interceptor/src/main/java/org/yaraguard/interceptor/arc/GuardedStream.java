package org.yaraguard.interceptor.arc;

import java.io.FilterInputStream;
import java.io.InputStream;
import org.dcm4chee.arc.store.StoreContext;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * The stream the archive reads instead of the sender's: the spooled bytes, byte for byte, carrying the ruling they
 * got. When the archive's 2-argument store calls its 3-argument one with this stream, the hook recognises it and
 * does not scan again.
 */
final class GuardedStream extends FilterInputStream {

    private final StoreContext context;
    private final Ruling ruling;
    private volatile boolean tagsApplied;

    GuardedStream(InputStream spooled, StoreContext context, Ruling ruling) {
        super(spooled);
        this.context = context;
        this.ruling = ruling;
    }

    StoreContext context() {
        return context;
    }

    Ruling ruling() {
        return ruling;
    }

    void tagsApplied() {
        tagsApplied = true;
    }

    boolean wereTagsApplied() {
        return tagsApplied;
    }
}
