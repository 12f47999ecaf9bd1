package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;

/**
 * Where libyara keeps the string matches of a scan, as probed at run time, and how to read a matching rule's offsets
 * through it inside the scan callback.
 *
 * <p>libyara has no call that returns match offsets: its own tools walk {@code context->matches[string->idx]}. In
 * every release from 4.2 to 4.5 {@code YR_SCAN_CONTEXT.matches} is at offset 160 (4.1, without the fast-exec pool and
 * the disabled-strings bitmask, has it at 144); {@code YR_STRING} is 56 bytes with {@code uint32 flags, idx} first
 * and {@code STRING_FLAGS_LAST_IN_RULE} 0x1000; {@code YR_MATCHES} is {@code head, tail, count} (24 bytes);
 * {@code YR_MATCH} starts {@code int64 base, int64 offset} and links {@code next} at 40. {@link Yara} keeps the
 * candidate whose reading of a probe scan gives exactly the offsets it planted; none gives no offsets, not a failure.
 */
record MatchLayout(int contextMatchesOffset, int ruleStringsOffset) {

    /** 4.2 to 4.5 first: on 4.1 offset 160 holds profiling_info, NULL unless profiling, which is never followed. */
    static final int[] CANDIDATE_OFFSETS = {160, 144};

    /** Offsets kept per matching rule: the first few are what a reviewer's hex windows show. */
    static final int MAX_OFFSETS = 8;

    private static final long STRING_SIZE = 56;
    private static final int STRING_FLAGS_LAST_IN_RULE = 0x1000;
    private static final long MATCHES_SIZE = 24;
    private static final long MATCH_NEXT = 40;
    /** No valid heap pointer lies in the first page; a smaller value is an integer or NULL, never followed. */
    private static final long LOWEST_POINTER = 4096;
    /** A rule has at most this many strings read (libyara allows 10,000 per rule; more would be a wrong layout). */
    private static final int MAX_STRINGS = 10_000;

    /** The offsets (sorted, at most {@link #MAX_OFFSETS}) of the matches of {@code rule}'s strings in this scan. */
    long[] offsets(Pointer context, Pointer rule) {
        long[] found = new long[MAX_OFFSETS];
        int count = 0;
        long matches = context.getLong(contextMatchesOffset);
        long strings = rule.getLong(ruleStringsOffset);
        if (!isPointer(matches) || !isPointer(strings)) {
            return new long[0];
        }
        for (int s = 0; s < MAX_STRINGS && count < MAX_OFFSETS; s++) {
            Pointer string = new Pointer(strings + s * STRING_SIZE);
            long index = Integer.toUnsignedLong(string.getInt(4));
            for (long match = new Pointer(matches + index * MATCHES_SIZE).getLong(0);
                 isPointer(match) && count < MAX_OFFSETS; match = new Pointer(match).getLong(MATCH_NEXT)) {
                Pointer m = new Pointer(match);
                found[count++] = m.getLong(0) + m.getLong(8);
            }
            if ((string.getInt(0) & STRING_FLAGS_LAST_IN_RULE) != 0) {
                break;
            }
        }
        long[] result = java.util.Arrays.copyOf(found, count);
        java.util.Arrays.sort(result);
        return result;
    }

    private static boolean isPointer(long value) {
        return Long.compareUnsigned(value, LOWEST_POINTER) >= 0;
    }
}
