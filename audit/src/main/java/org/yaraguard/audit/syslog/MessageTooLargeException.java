package org.yaraguard.audit.syslog;

import java.io.IOException;

/** A message a transport can never carry, such as one over the UDP datagram limit: it is dropped, not retried. */
public final class MessageTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public MessageTooLargeException(String message) {
        super(message);
    }
}
