package org.yaraguard.engine.yara;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles YARA sources into {@link YaraRules}; one use, not thread-safe.
 *
 * <p>Sources and externals are only collected until {@link #compile()}. libyara asserts that no source is added
 * to a compiler that already reported an error, and Debian builds keep assertions (the JVM would abort), so
 * {@code compile()} continues with a fresh native compiler after a failing source: every source is still
 * checked and all errors are reported at once, but no rules come out of a run with errors.
 *
 * <p>Includes never reach the file system: libyara's default include callback would read any path, so it is
 * always replaced, either by the {@link IncludeResolver} or by a refusal.
 */
public final class YaraCompiler implements AutoCloseable {

    private record Source(String namespace, String text, String fileName) {
    }

    private final Yara yara;
    private final Map<String, ExternalVariable> externals = new LinkedHashMap<>();
    private final List<Source> sources = new ArrayList<>();
    private IncludeResolver includeResolver;
    private boolean used;

    private final List<CompileError> errors = new ArrayList<>();
    private final List<CompileError> warnings = new ArrayList<>();
    private final Map<Long, Memory> includedSources = new LinkedHashMap<>();
    private String currentFileName;
    private String pendingRefusal;

    // Fields, not locals: libyara holds these while compiling and the GC must not collect them.
    private final LibYara.CompilerCallback errorCallback = this::onError;
    private final LibYara.IncludeCallback includeCallback = this::onInclude;
    private final LibYara.IncludeFreeCallback includeFree = this::onIncludeFree;

    YaraCompiler(Yara yara) {
        this.yara = yara;
    }

    /** Declares an external variable and its default: String, Boolean, Long/Integer or Double. */
    public void defineExternal(String name, Object defaultValue) {
        ExternalVariable variable = ExternalVariable.of(name, defaultValue);
        if (externals.putIfAbsent(name, variable) != null) {
            throw new IllegalArgumentException("external variable " + name + " defined twice");
        }
    }

    /** Resolves {@code include} statements; null (the default) refuses every include with a compile error. */
    public void setIncludeResolver(IncludeResolver resolver) {
        this.includeResolver = resolver;
    }

    /** Adds a source in {@code namespace} (null: libyara's "default"); {@code fileName} names it in errors. */
    public void addSource(String namespace, String source, String fileName) {
        sources.add(new Source(namespace, source, fileName));
    }

    /** Compiles every source; throws with all errors (file, line, message) when any source fails. */
    public YaraRules compile() throws YaraCompileException {
        Pointer rules = compileNative();
        try {
            return YaraRules.create(yara, rules, List.copyOf(externals.values()));
        } catch (YaraException e) {
            throw new YaraCompileException(List.of(new CompileError(null, 0, e.getMessage())));
        }
    }

    /** libyara's warnings from {@link #compile()} (e.g. a string that "may slow down scanning"), in order. */
    public List<CompileError> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Instead of compiling: the rules of {@link YaraRules#save()}, with the externals declared here (which must be
     * those they were compiled with). Never for bytes from outside the engine: libyara does not validate them.
     */
    public YaraRules load(ByteBuffer saved) throws YaraException {
        if (used) {
            throw new IllegalStateException("a YaraCompiler compiles once");
        }
        used = true;
        return YaraRules.create(yara, RulesStream.load(saved), List.copyOf(externals.values()));
    }

    /** Compiles to a native {@code YR_RULES*} that the caller must destroy. */
    Pointer compileNative() throws YaraCompileException {
        if (used) {
            throw new IllegalStateException("a YaraCompiler compiles once");
        }
        used = true;
        Pointer compiler = newNativeCompiler();
        try {
            for (Source source : sources) {
                if (source.text().indexOf('\0') >= 0) {
                    // libyara reads a C string: everything after the NUL would be silently ignored.
                    errors.add(new CompileError(source.fileName(), 0, "source contains a NUL character"));
                    continue;
                }
                int before = errors.size();
                currentFileName = source.fileName();
                int failed = LibYara.yr_compiler_add_string(compiler, CString.of(source.text()),
                        CString.of(source.namespace()));
                if (failed > 0 && errors.size() == before) {
                    errors.add(new CompileError(source.fileName(), 0, "rejected by libyara"));
                }
                if (errors.size() > before) {
                    LibYara.yr_compiler_destroy(compiler);
                    compiler = null; // so that finally cannot destroy it twice if the next create fails
                    compiler = newNativeCompiler();
                }
            }
            if (!errors.isEmpty()) {
                throw new YaraCompileException(errors);
            }
            PointerByReference out = new PointerByReference();
            int rc = LibYara.yr_compiler_get_rules(compiler, out);
            if (rc != LibYara.ERROR_SUCCESS) {
                throw new YaraCompileException(List.of(new CompileError(null, 0,
                        "yr_compiler_get_rules: libyara error " + rc + " (" + YaraErrorNames.of(rc) + ")")));
            }
            return out.getValue();
        } finally {
            if (compiler != null) {
                LibYara.yr_compiler_destroy(compiler);
            }
            includedSources.values().forEach(Memory::close);
            includedSources.clear();
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void close() {
        sources.clear();
    }

    private Pointer newNativeCompiler() throws YaraCompileException {
        PointerByReference out = new PointerByReference();
        int rc = LibYara.yr_compiler_create(out);
        if (rc != LibYara.ERROR_SUCCESS) {
            throw new YaraCompileException(List.of(new CompileError(null, 0,
                    "yr_compiler_create: libyara error " + rc + " (" + YaraErrorNames.of(rc) + ")")));
        }
        Pointer compiler = out.getValue();
        LibYara.yr_compiler_set_callback(compiler, errorCallback, null);
        LibYara.yr_compiler_set_include_callback(compiler, includeCallback, includeFree, null);
        for (ExternalVariable variable : externals.values()) {
            rc = variable.declareIn(compiler);
            if (rc != LibYara.ERROR_SUCCESS) {
                LibYara.yr_compiler_destroy(compiler);
                throw new YaraCompileException(List.of(new CompileError(null, 0, "external variable "
                        + variable.name() + ": libyara error " + rc + " (" + YaraErrorNames.of(rc) + ")")));
            }
        }
        return compiler;
    }

    private void onError(int level, Pointer fileName, int line, Pointer rule, Pointer message, Pointer userData) {
        String file = fileName == null ? currentFileName
                : includeResolver == null ? CString.read(fileName) : includeResolver.fileName(CString.read(fileName));
        String text = CString.read(message);
        if (level != LibYara.YARA_ERROR_LEVEL_ERROR) {
            warnings.add(new CompileError(file, line, text));
            return;
        }
        // libyara's own message for a refused include only says it could not be read; ours says why.
        errors.add(new CompileError(file, line, pendingRefusal != null ? pendingRefusal : text));
        pendingRefusal = null;
    }

    /** Never throws: an exception cannot cross the native frame, so every failure becomes a refusal. */
    private Pointer onInclude(Pointer includeName, Pointer callingFileName, Pointer callingNamespace, Pointer userData) {
        String name = CString.read(includeName);
        String including = callingFileName == null ? currentFileName : CString.read(callingFileName);
        if (includeResolver == null) {
            pendingRefusal = "include \"" + name + "\" refused: includes are not allowed here";
            return null;
        }
        try {
            String text = includeResolver.resolve(name, including);
            if (text == null) {
                pendingRefusal = "include \"" + name + "\" refused: not found";
                return null;
            }
            byte[] bytes = CString.of(text);
            Memory memory = new Memory(bytes.length);
            memory.write(0, bytes, 0, bytes.length);
            includedSources.put(Pointer.nativeValue(memory), memory);
            return memory;
        } catch (Exception | LinkageError e) {
            pendingRefusal = "include \"" + name + "\" refused: " + e.getMessage();
            return null;
        }
    }

    private void onIncludeFree(Pointer result, Pointer userData) {
        Memory memory = includedSources.remove(Pointer.nativeValue(result));
        if (memory != null) {
            memory.close();
        }
    }
}
