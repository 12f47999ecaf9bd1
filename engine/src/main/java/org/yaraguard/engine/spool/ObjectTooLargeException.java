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

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
