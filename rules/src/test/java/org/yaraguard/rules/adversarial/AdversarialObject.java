package org.yaraguard.rules.adversarial;

import java.nio.file.Path;

/**
 * One object of the adversarial corpus, written to a file.
 *
 * @param name          file name without ".dcm": "c&lt;class&gt;-…" for malicious objects, "clean-…" for look-alikes
 * @param evasionClass  the class of evasion of issue 7 (1–7) it attacks or imitates
 * @param expectation   whether the engine must reject it
 * @param arrival       how it is sent
 * @param file          where it was written
 * @param idea          one line: what hides where, and why a reader could miss it
 */
record AdversarialObject(String name, int evasionClass, Expectation expectation, Arrival arrival, Path file,
                         String idea) {

    boolean malicious() {
        return expectation == Expectation.MALICIOUS;
    }
}
