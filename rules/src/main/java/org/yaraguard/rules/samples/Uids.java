package org.yaraguard.rules.samples;

import java.math.BigInteger;
import java.util.Random;

/** Unique identifiers under the UUID-derived root 2.25 (PS3.5 B.2), reproducible from a seed. */
public final class Uids {

    private final Random random;

    public Uids(long seed) {
        this.random = new Random(seed);
    }

    /** A new UID of at most 44 characters. */
    public String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "2.25." + new BigInteger(1, bytes);
    }
}
