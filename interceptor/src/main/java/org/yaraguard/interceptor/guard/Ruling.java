package org.yaraguard.interceptor.guard;

import org.yaraguard.engine.scan.Verdict;

/**
 * What the hook does with one object: store it, store it with our private attributes, or refuse it with a DICOM
 * status and an error comment of at most 64 characters.
 *
 * @param quarantineId the quarantine entry that keeps a refused object, or null when it was not kept
 */
public record Ruling(Outcome outcome, Verdict verdict, Mode mode, int status, String comment, String quarantineId) {

    /** The three things the hook can do. */
    public enum Outcome { STORE, TAG, REFUSE }

    static Ruling store(Verdict verdict, Mode mode) {
        return new Ruling(Outcome.STORE, verdict, mode, 0, null, null);
    }

    static Ruling tag(Verdict verdict, Mode mode) {
        return new Ruling(Outcome.TAG, verdict, mode, 0, null, null);
    }

    static Ruling refuse(Verdict verdict, Mode mode, int status, String comment) {
        return refuse(verdict, mode, status, comment, null);
    }

    static Ruling refuse(Verdict verdict, Mode mode, int status, String comment, String quarantineId) {
        return new Ruling(Outcome.REFUSE, verdict, mode, status, comment, quarantineId);
    }
}
