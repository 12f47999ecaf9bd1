package org.yaraguard.interceptor;

import jakarta.interceptor.InvocationContext;

/**
 * The archive-facing half of the hook: implemented in {@code org.yaraguard.interceptor.arc}, which links against the
 * archive's own classes through {@link ArchiveLoader}. This interface names no archive type.
 */
public interface StoreGate {

    /** Handles one intercepted call of an ingest method; proceeds, proceeds with our stream, or throws. */
    Object around(InvocationContext invocation) throws Exception;
}
