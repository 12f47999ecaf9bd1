package org.yaraguard.engine.yara;

/** A scan ran longer than its timeout (libyara checks in whole seconds). */
public final class YaraScanTimeoutException extends Exception {

    private static final long serialVersionUID = 1L;

    public YaraScanTimeoutException(String message) {
        super(message);
    }
}
