package org.yaraguard.rules.adversarial;

/**
 * How an object reaches the archive, which decides how the engine and dcmdump must read it.
 *
 * @param source             "c-store" (a bare dataset, never a preamble) or "stow-rs" (a Part-10 file)
 * @param transferSyntaxHint the presentation context's transfer syntax for C-STORE, null for STOW-RS
 */
record Arrival(String source, String transferSyntaxHint) {

    static Arrival stowRs() {
        return new Arrival("stow-rs", null);
    }

    static Arrival cStore(Encoding encoding) {
        return new Arrival("c-store", encoding.uid());
    }

    boolean part10() {
        return transferSyntaxHint == null;
    }

    @Override
    public String toString() {
        return part10() ? source : source + " " + transferSyntaxHint;
    }
}
