package org.yaraguard.audit;

import java.time.Instant;

/** A submitted message not yet in the spool folder, with the moment it was submitted (its syslog TIMESTAMP). */
record Pending(byte[] xml, Instant at) {
}
