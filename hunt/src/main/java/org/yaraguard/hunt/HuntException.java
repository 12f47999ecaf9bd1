package org.yaraguard.hunt;

/** The hunt cannot start or go on (a source that cannot be listed, a report folder of another hunt, ...). */
public final class HuntException extends Exception {

    public HuntException(String message) {
        super(message);
    }

    public HuntException(String message, Throwable cause) {
        super(message, cause);
    }
}
