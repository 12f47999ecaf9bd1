package org.dcm4chee.arc.storage;

/** Compile-only: the storage read context of {@code importInstanceOnStorage}; the hook only passes it on. */
public interface ReadContext {
}
