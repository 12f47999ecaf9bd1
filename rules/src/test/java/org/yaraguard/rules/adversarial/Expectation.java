package org.yaraguard.rules.adversarial;

/** What the engine must decide about an object of the adversarial corpus. */
enum Expectation {
    /** Carries a (harmless) payload: the verdict must be REJECT. */
    MALICIOUS,
    /** Looks like a payload but is not one: the verdict must not be REJECT. */
    CLEAN
}
