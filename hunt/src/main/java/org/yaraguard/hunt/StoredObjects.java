package org.yaraguard.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Where a hunt finds objects: the archive's storage folders, or the archive over DICOMweb.
 *
 * <p>Contract. {@link #list} streams objects in one deterministic order (the same for every run over an unchanged
 * archive), lazily: memory flat in the archive's size. {@link #list} is called by one thread at a time; {@link #open}
 * is called from many threads at once and must be thread-safe. An IOException from {@link #open} concerns that object
 * alone (the hunt lists it as a failure and goes on); an IOException from {@link #list} or from the stream it returns
 * (as {@link java.io.UncheckedIOException}) means the source cannot be hunted and stops the hunt.
 */
public interface StoredObjects extends AutoCloseable {

    /** {@code HuntHit.STORAGE} or {@code HuntHit.DICOMWEB}: the report's source field. */
    String source();

    /** For the summary's sources: e.g. "storage:/var/local/dcm4chee-arc/fs1", never holding credentials. */
    String description();

    /**
     * The objects that come after {@code afterKey} in this source's order ({@code null}: from the first), in order.
     * A key no longer present (the object was deleted) still positions the listing. Close the stream.
     */
    Stream<StoredObject> list(String afterKey) throws IOException;

    /**
     * True when listing costs little next to reading (a directory walk; not QIDO queries): the hunt then lists a second
     * time in the background to count what is left, for the progress bar's ETA.
     */
    default boolean listingIsCheap() {
        return false;
    }

    /** The object's whole bytes as stored (a Part-10 file); the caller closes the stream. */
    InputStream open(StoredObject object) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
