package org.yaraguard.engine.quarantine;

import java.nio.file.Path;

/** Where one quarantined object and its sidecar lie; {@code id} is the object's lowercase hex SHA-256. */
public record QuarantineEntry(String id, Path object, Path sidecar) {
}
