package org.yaraguard.hunt.web;

/**
 * One instance to hunt over DICOMweb, as QIDO-RS listed it. Its key, {@code study/series/sop}, is stable across runs
 * and hosts (checkpoints, shards); the UIDs are well-formed (others are never asked for).
 */
public record HuntInstance(HuntStudy study, String seriesInstanceUid, String sopInstanceUid, String sopClassUid) {

    /** The stable key: the three UIDs joined by '/'. */
    public String key() {
        return study.studyInstanceUid() + "/" + seriesInstanceUid + "/" + sopInstanceUid;
    }

    public String studyInstanceUid() {
        return study.studyInstanceUid();
    }
}
