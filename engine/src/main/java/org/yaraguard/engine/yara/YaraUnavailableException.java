package org.yaraguard.engine.yara;

/** libyara cannot be used in this process; the message says what to install. */
public final class YaraUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public YaraUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
