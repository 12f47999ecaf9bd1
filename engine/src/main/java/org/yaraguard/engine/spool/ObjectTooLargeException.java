package org.yaraguard.engine.spool;

import java.io.IOException;

/** An object larger than what may be held or scanned in one piece. */
public final class ObjectTooLargeException extends IOException {

    private final long size;
    private final long limit;

    public ObjectTooLargeException(long size, long limit) {
        super("object of " + size + " bytes exceeds the limit of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    /** An object of which only {@code seen} bytes were read before the spool's limit stopped reading. */
    public ObjectTooLargeException(long seen) {
        super("only the first " + seen + " bytes of the object were read: it exceeds the size limit");
        this.size = seen;
        this.limit = -1;
    }

    public long size() {
        return size;
    }

    /** The limit, or -1 when the object was refused by the spool (see {@link #size()}). */
    public long limit() {
        return limit;
    }
}
