package org.yaraguard.interceptor;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Runs every intercepted ingest call through the gate registered for the hooked bean's deployment. Innermost
 * (PLATFORM_AFTER): it sees the stream right before the archive's implementation reads it. Registered by the
 * extension with addAnnotatedType (the module has no beans.xml: both together made it fire twice). It is bound only
 * to StoreService implementations, so it never runs in other deployments; an ingest call that finds no gate (the
 * deployment is starting or shutting down) is refused, never passed unscanned.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class StoreGuardInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.yaraguard");
    private static final String DICOM_SERVICE_EXCEPTION = "org.dcm4che3.net.service.DicomServiceException";
    /** DICOM "Refused: Out of Resources": the sender may try again once the archive is up. */
    private static final int OUT_OF_RESOURCES = 0xA700;
    private static final String NOT_READY = "YARA Guard: not ready, try again";

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        StoreGate gate = GateRegistry.gateFor(invocation.getTarget());
        if (gate != null) {
            return gate.around(invocation);
        }
        if (IngestMethod.of(invocation.getMethod()).isEmpty()) {
            return invocation.proceed();
        }
        LOG.log(Level.WARNING, "YARA Guard refused a store: no gate is registered for the archive (starting or"
                + " shutting down)");
        throw notReady(invocation.getTarget());
    }

    /** The archive's own DicomServiceException (the module cannot link against it), else a plain IOException. */
    static Exception notReady(Object target) {
        try {
            Class<?> type = Class.forName(DICOM_SERVICE_EXCEPTION, false, target.getClass().getClassLoader());
            return (Exception) type.getConstructor(int.class, String.class).newInstance(OUT_OF_RESOURCES, NOT_READY);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new IOException(NOT_READY);
        }
    }
}
