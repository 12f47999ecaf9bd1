package org.yaraguard.audit.message;

import java.time.Instant;

/**
 * One review action on a quarantine entry.
 *
 * @param function     {@link GuardCode#RELEASE}, {@link GuardCode#PURGE}, {@link GuardCode#EXPORT} or {@link GuardCode#VIEW}
 * @param reviewer     who did it (the console's login or the command line's user)
 * @param reviewerHost where from (the console client's address, the host of a command), or null
 * @param succeeded    whether it was done
 * @param reason       the reviewer's reason, or null
 */
public record ReviewAction(Instant at, GuardCode function, String reviewer, String reviewerHost, boolean succeeded,
        String entryId, String sha256, String reason, ObjectIds object) {
}
