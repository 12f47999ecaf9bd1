package org.yaraguard.interceptor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gate of each hooked bean class. Static because the module's classes are shared by every deployment; each
 * deployment adds its bean class at start and removes it at shutdown, so an undeployed archive leaves nothing here.
 */
final class GateRegistry {

    private static final Map<Class<?>, StoreGate> GATES = new ConcurrentHashMap<>();

    private GateRegistry() {
    }

    static void register(Class<?> beanClass, StoreGate gate) {
        GATES.put(beanClass, gate);
    }

    static void unregister(Class<?> beanClass) {
        GATES.remove(beanClass);
    }

    /** The gate for an intercepted instance: its class or a superclass (Weld may subclass the bean). */
    static StoreGate gateFor(Object target) {
        if (target == null || GATES.isEmpty()) {
            return null;
        }
        for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            StoreGate gate = GATES.get(c);
            if (gate != null) {
                return gate;
            }
        }
        return null;
    }
}
