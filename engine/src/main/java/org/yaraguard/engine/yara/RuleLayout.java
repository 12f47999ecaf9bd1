package org.yaraguard.engine.yara;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the fields of libyara's {@code YR_RULE} sit, as probed at run time, and how to read a rule through it.
 *
 * <p>{@code YR_RULE} starts with {@code int32 flags; int32 num_atoms;} in every 4.x release. Up to 4.3 the five
 * 8-byte references {@code identifier, tags, metas, strings, ns} follow at offset 8; 4.4 inserted
 * {@code uint32 required_strings; uint32 unused;} before them, moving all five to offset 16. 4.3 and 4.4 share a
 * soname, so the offset cannot be derived from the library name: {@link #detect} finds it on a rule whose
 * identifier is known. {@code YR_META} (identifier, string, int64 integer, int32 type, int32 flags; 32 bytes) and
 * {@code YR_NAMESPACE} (name first) did not change; {@link Yara} verifies both on its probe rule before use.
 */
record RuleLayout(int identifierOffset) {

    /** The offsets that 4.x releases use; 16 is tried first, see {@link #detect}. */
    static final int[] CANDIDATE_OFFSETS = {16, 8};

    private static final long META_SIZE = 32;
    private static final int META_TYPE_INTEGER = 1;
    private static final int META_TYPE_STRING = 2;
    private static final int META_TYPE_BOOLEAN = 3;
    private static final int META_FLAGS_LAST_IN_RULE = 1;
    /** No valid heap or arena pointer lies in the first page; a smaller value is an integer, not a reference. */
    private static final long LOWEST_POINTER = 4096;

    /**
     * Finds the offset of {@code identifier} in the {@code YR_RULE} at {@code rule}, whose identifier is known.
     * Offset 16 is read first because it holds a valid pointer in both layouts ({@code tags} before 4.4,
     * {@code identifier} since), whereas offset 8 holds two small integers from 4.4 on and must then never be
     * dereferenced.
     */
    static OptionalInt detect(Pointer rule, String knownIdentifier) {
        for (int offset : CANDIDATE_OFFSETS) {
            long reference = rule.getLong(offset);
            if (Long.compareUnsigned(reference, LOWEST_POINTER) >= 0
                    && knownIdentifier.equals(CString.read(new Pointer(reference)))) {
                return OptionalInt.of(offset);
            }
        }
        return OptionalInt.empty();
    }

    /** Where {@code YR_RULE.strings} sits: the fourth of the five references. */
    int stringsOffset() {
        return identifierOffset + 24;
    }

    /** Reads the rule at {@code rule}. */
    YaraRuleInfo read(Pointer rule) {
        String identifier = CString.read(rule.getPointer(identifierOffset));
        List<String> tags = tags(rule.getPointer(identifierOffset + 8));
        Map<String, Object> meta = meta(rule.getPointer(identifierOffset + 16));
        Pointer ns = rule.getPointer(identifierOffset + 32);
        String namespace = ns == null ? null : CString.read(ns.getPointer(0));
        return new YaraRuleInfo(identifier, namespace, tags, meta);
    }

    /** Tags are consecutive C strings ended by an empty one. */
    private static List<String> tags(Pointer tags) {
        List<String> result = new ArrayList<>();
        if (tags == null) {
            return result;
        }
        long offset = 0;
        for (int length = CString.length(tags, offset); length > 0; length = CString.length(tags, offset)) {
            result.add(CString.read(tags, offset));
            offset += length + 1;
        }
        return result;
    }

    /** Metas are an array of YR_META whose last entry carries META_FLAGS_LAST_IN_RULE; a repeated key keeps its first value. */
    private static Map<String, Object> meta(Pointer metas) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (metas == null) {
            return result;
        }
        for (long base = 0; ; base += META_SIZE) {
            String key = CString.read(metas.getPointer(base));
            int type = metas.getInt(base + 24);
            Object value = switch (type) {
                case META_TYPE_INTEGER -> metas.getLong(base + 16);
                case META_TYPE_STRING -> CString.read(metas.getPointer(base + 8));
                case META_TYPE_BOOLEAN -> metas.getLong(base + 16) != 0;
                default -> null;
            };
            if (key != null && value != null) {
                result.putIfAbsent(key, value);
            }
            if ((metas.getInt(base + 28) & META_FLAGS_LAST_IN_RULE) != 0) {
                return result;
            }
        }
    }
}
