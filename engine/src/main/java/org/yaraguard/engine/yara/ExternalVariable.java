package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;

/** An external variable declared at compile time, with its default value (Long, Double, Boolean or String). */
record ExternalVariable(String name, byte[] cName, Object defaultValue) {

    static ExternalVariable of(String name, Object value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("external variable needs a name");
        }
        return new ExternalVariable(name, CString.of(name), normalize(name, value));
    }

    /** Maps the accepted Java types onto the four libyara kinds; anything else is a programming error. */
    static Object normalize(String name, Object value) {
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        throw new IllegalArgumentException("external variable " + name + ": unsupported value "
                + (value == null ? "null" : value.getClass().getName()) + " (String, Boolean, Long/Integer, Double)");
    }

    /** {@code value} normalized and checked to be of this variable's kind. */
    Object accept(Object value) {
        Object normalized = normalize(name, value);
        if (normalized.getClass() != defaultValue.getClass()) {
            throw new IllegalArgumentException("external variable " + name + " is a "
                    + defaultValue.getClass().getSimpleName() + ", not a " + normalized.getClass().getSimpleName());
        }
        return normalized;
    }

    /** Declares this variable with its default value in a compiler. */
    int declareIn(Pointer compiler) {
        if (defaultValue instanceof Long l) {
            return LibYara.yr_compiler_define_integer_variable(compiler, cName, l);
        }
        if (defaultValue instanceof Double d) {
            return LibYara.yr_compiler_define_float_variable(compiler, cName, d);
        }
        if (defaultValue instanceof Boolean b) {
            return LibYara.yr_compiler_define_boolean_variable(compiler, cName, b ? 1 : 0);
        }
        return LibYara.yr_compiler_define_string_variable(compiler, cName, CString.of((String) defaultValue));
    }

    /** Sets this variable to {@code value} (already {@link #accept accepted}) in a scanner. */
    int setIn(Pointer scanner, Object value) {
        if (value instanceof Long l) {
            return LibYara.yr_scanner_define_integer_variable(scanner, cName, l);
        }
        if (value instanceof Double d) {
            return LibYara.yr_scanner_define_float_variable(scanner, cName, d);
        }
        if (value instanceof Boolean b) {
            return LibYara.yr_scanner_define_boolean_variable(scanner, cName, b ? 1 : 0);
        }
        return LibYara.yr_scanner_define_string_variable(scanner, cName, CString.of((String) value));
    }
}
