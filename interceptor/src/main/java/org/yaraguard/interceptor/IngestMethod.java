package org.yaraguard.interceptor;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * The ingest entry points of dcm4chee-arc's StoreService, recognised by name and parameter type names: the
 * extension must not load archive classes, because it runs in every deployment of the server.
 */
public enum IngestMethod {
    /** C-STORE: a bare dataset stream. */
    C_STORE("c-store", "store", Names.STORE_CONTEXT, "java.io.InputStream"),
    /** STOW-RS application/dicom part: the whole Part-10 file, with the archive's coercion consumer. */
    STOW("stow-rs", "store", Names.STORE_CONTEXT, "java.io.InputStream", "java.util.function.Consumer"),
    /** STOW-RS metadata with bulk data, and the archive's attribute-based stores. */
    ATTRIBUTES("stow-rs-metadata", "store", Names.STORE_CONTEXT, Names.ATTRIBUTES),
    /** Import of files already on a storage. */
    IMPORT("import", "importInstanceOnStorage", Names.STORE_CONTEXT, Names.ATTRIBUTES, Names.READ_CONTEXT);

    private final String source;
    private final String name;
    private final List<String> parameterTypes;

    IngestMethod(String source, String name, String... parameterTypes) {
        this.source = source;
        this.name = name;
        this.parameterTypes = List.of(parameterTypes);
    }

    /** The source recorded with a verdict for objects entering through this method. */
    public String source() {
        return source;
    }

    /** A readable signature, for the start-up log. */
    public String signature() {
        return name + "(" + String.join(", ", parameterTypes.stream().map(t -> t.substring(t.lastIndexOf('.') + 1))
                .toList()) + ")";
    }

    /** The ingest method {@code method} is, if it is one. */
    public static Optional<IngestMethod> of(Method method) {
        Class<?>[] types = method.getParameterTypes();
        for (IngestMethod candidate : values()) {
            if (candidate.name.equals(method.getName()) && candidate.parameterTypes.size() == types.length
                    && sameNames(candidate.parameterTypes, types)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean sameNames(List<String> names, Class<?>[] types) {
        for (int i = 0; i < types.length; i++) {
            if (!names.get(i).equals(types[i].getName())) {
                return false;
            }
        }
        return true;
    }

    /** Names of the archive types, as strings so that nothing here loads them. */
    static final class Names {
        static final String STORE_SERVICE = "org.dcm4chee.arc.store.StoreService";
        static final String STORE_CONTEXT = "org.dcm4chee.arc.store.StoreContext";
        static final String ATTRIBUTES = "org.dcm4che3.data.Attributes";
        static final String READ_CONTEXT = "org.dcm4chee.arc.storage.ReadContext";

        private Names() {
        }
    }
}
