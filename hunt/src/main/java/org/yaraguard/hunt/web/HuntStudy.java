package org.yaraguard.hunt.web;

/**
 * A study as QIDO-RS listed it: its UID and the attributes a hit reports. Untrusted text from the archive's answer
 * (which the objects' senders wrote).
 */
public record HuntStudy(String studyInstanceUid, String patientId, String accessionNumber, String studyDate) {
}
