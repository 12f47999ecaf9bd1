package org.yaraguard.engine.yara;

/**
 * One rule compilation error: the rule file (as given to {@link YaraCompiler#addSource} or named by an include;
 * null when libyara reports none) and its 1-based line (0 when unknown).
 */
public record CompileError(String file, int line, String message) {

    @Override
    public String toString() {
        return (file == null ? "<rules>" : file) + ":" + line + ": " + message;
    }
}
