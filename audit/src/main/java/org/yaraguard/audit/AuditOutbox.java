package org.yaraguard.audit;

/**
 * Where audit messages leave YARA Guard for the Audit Record Repository: {@link #submit} takes a message at once
 * (spooled on disk, sent on a background thread) and never blocks or slows the caller.
 */
public interface AuditOutbox extends AutoCloseable {

    /** Takes one audit message (the XML of a DICOM Audit Message, UTF-8); never blocks, never throws. */
    void submit(byte[] auditMessageXml);

    /** How delivery stands now, for metrics and the status view. */
    AuditOutboxState state();

    /** Stops the background sender; what is still spooled stays on disk and is sent after the next start. */
    @Override
    void close();
}
