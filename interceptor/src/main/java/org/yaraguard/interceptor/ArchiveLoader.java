package org.yaraguard.interceptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Defines the hook's archive-facing classes ({@code org.yaraguard.interceptor.arc}) a second time, in a loader that
 * resolves {@code org.dcm4che3.*} and {@code org.dcm4chee.*} through the hooked bean's class loader, and everything
 * else (engine, JDK, CDI API) through this module. A static module cannot import the archive's EAR classes; this way
 * the hook links against exactly the StoreContext, Attributes and DicomServiceException the archive uses.
 */
final class ArchiveLoader extends ClassLoader {

    static final String BRIDGED_PACKAGE = "org.yaraguard.interceptor.arc.";
    private static final String GATE_CLASS = BRIDGED_PACKAGE + "ArchiveStoreGate";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader module;

    private ArchiveLoader(ClassLoader archive, ClassLoader module) {
        super("yara-guard-archive-bridge", archive);
        this.module = module;
    }

    /** A gate for the deployment whose bean class loader is {@code archive}, constructed with {@code arguments}. */
    static StoreGate newGate(ClassLoader archive, Class<?>[] parameterTypes, Object... arguments)
            throws ReflectiveOperationException {
        ArchiveLoader loader = new ArchiveLoader(archive, ArchiveLoader.class.getClassLoader());
        Class<?> gateClass = loader.loadClass(GATE_CLASS);
        return (StoreGate) gateClass.getConstructor(parameterTypes).newInstance(arguments);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(BRIDGED_PACKAGE)) {
                    loaded = define(name);
                } else if (name.startsWith("org.dcm4che3.") || name.startsWith("org.dcm4chee.")) {
                    loaded = getParent().loadClass(name);
                } else {
                    loaded = module.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = module.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length, ArchiveLoader.class.getProtectionDomain());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the YARA Guard module", e);
        }
    }
}
