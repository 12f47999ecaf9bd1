package org.yaraguard.audit.syslog;

import java.io.IOException;

/** Carries syslog messages to one repository; used by one sender thread. */
public interface SyslogTransport extends AutoCloseable {

    /**
     * Sends one syslog message.
     *
     * @throws MessageTooLargeException when this transport can never carry it (retrying would not help)
     * @throws IOException              when the repository could not be reached now (retry later)
     */
    void send(byte[] message) throws IOException;

    /** Drops the connection, if any; the next send opens a new one. */
    @Override
    void close();
}
