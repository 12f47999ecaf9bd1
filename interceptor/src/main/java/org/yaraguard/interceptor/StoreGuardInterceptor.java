package org.yaraguard.interceptor;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * Runs every intercepted ingest call through the gate registered for the hooked bean's deployment. Innermost
 * (PLATFORM_AFTER): it sees the stream right before the archive's implementation reads it. Registered by the
 * extension with addAnnotatedType (the module has no beans.xml: both together made it fire twice).
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class StoreGuardInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    public Object guard(InvocationContext invocation) throws Exception {
        StoreGate gate = GateRegistry.gateFor(invocation.getTarget());
        return gate == null ? invocation.proceed() : gate.around(invocation);
    }
}
