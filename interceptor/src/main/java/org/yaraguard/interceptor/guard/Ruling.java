package org.yaraguard.interceptor.guard;

import org.yaraguard.engine.scan.Verdict;

/**
 * What the hook does with one object: store it, store it with our private attributes, or refuse it with a DICOM
 * status and an error comment of at most 64 characters.
 */
public record Ruling(Outcome outcome, Verdict verdict, Mode mode, int status, String comment) {

    /** The three things the hook can do. */
    public enum Outcome { STORE, TAG, REFUSE }

    static Ruling store(Verdict verdict, Mode mode) {
        return new Ruling(Outcome.STORE, verdict, mode, 0, null);
    }

    static Ruling tag(Verdict verdict, Mode mode) {
        return new Ruling(Outcome.TAG, verdict, mode, 0, null);
    }

    static Ruling refuse(Verdict verdict, Mode mode, int status, String comment) {
        return new Ruling(Outcome.REFUSE, verdict, mode, status, comment);
    }
}
