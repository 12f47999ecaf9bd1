package org.yaraguard.engine.yara;

/** libyara returned an error code other than a timeout. */
public final class YaraException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;

    public YaraException(String operation, int code) {
        super(operation + " failed: libyara error " + code + " (" + YaraErrorNames.of(code) + ")");
        this.code = code;
    }

    /** The libyara error code (ERROR_* in yara/error.h). */
    public int code() {
        return code;
    }
}
