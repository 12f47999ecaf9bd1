package org.yaraguard.it.archive.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Test code: one instance as the stand-in archive's database keeps it: the attributes of its instance attribute
 * filter (tag → value, as the store record lists them) and the object file stored last for it.
 */
public record StandInInstance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
                              Map<Integer, String> attributes, Path file) {

    public String attribute(int tag) {
        return attributes.getOrDefault(tag, "");
    }
}
