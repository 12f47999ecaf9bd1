package org.yaraguard.engine.yara;

import java.util.List;
import java.util.stream.Collectors;

/** Rules did not compile; carries every error found, each with file and line. */
public final class YaraCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<CompileError> errors;

    public YaraCompileException(List<CompileError> errors) {
        super(errors.stream().map(CompileError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }
}
