package org.yaraguard.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A source whose listing breaks after {@code stopAfter} objects, as a hunt stopped midway sees it. */
final class StoppingSource implements StoredObjects {

    private final StoredObjects inner;
    private final int stopAfter;

    StoppingSource(StoredObjects inner, int stopAfter) {
        this.inner = inner;
        this.stopAfter = stopAfter;
    }

    @Override
    public String source() {
        return inner.source();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public Stream<StoredObject> list(String afterKey) throws IOException {
        AtomicInteger listed = new AtomicInteger();
        return inner.list(afterKey).peek(o -> {
            if (listed.incrementAndGet() > stopAfter) {
                throw new UncheckedIOException(new IOException("stopped after " + stopAfter));
            }
        });
    }

    @Override
    public InputStream open(StoredObject object) throws IOException {
        return inner.open(object);
    }
}
