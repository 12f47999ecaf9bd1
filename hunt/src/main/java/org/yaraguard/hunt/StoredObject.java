package org.yaraguard.hunt;

/**
 * One object a source can hand to the hunt, named before it is read.
 *
 * @param key              stable across runs and hosts: the same object has the same key tomorrow (checkpoints and
 *                         shards rely on it); no two objects of one source share it
 * @param location         what the report shows: the storage path relative to its root, or the WADO-RS URL
 * @param studyInstanceUid the study, when the source knows it without reading the object (QIDO), else null; when
 *                         known, shards split by study so that a study stays on one host
 * @param sizeHint         bytes, or -1 when unknown before reading
 */
public record StoredObject(String key, String location, String studyInstanceUid, long sizeHint) {

    public StoredObject {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a stored object needs a key");
        }
    }
}
