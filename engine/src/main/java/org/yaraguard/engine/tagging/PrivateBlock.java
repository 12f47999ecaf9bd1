package org.yaraguard.engine.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * YARA Guard's private attributes on a tagged object, under private creator {@value #CREATOR} in group 0077: in a
 * reserved block (gggg,xx00–xxFF) they are (xx10) CS action, (xx11) LO rule names, (xx12) LO rule-set id and (xx13) LO
 * SHA-256 of the object as received. Values are kept to what their VR allows.
 *
 * @param action    the verdict's action, e.g. "TAG"
 * @param rules     names of the rules that decided the verdict
 * @param ruleSetId the rule set id, or null
 * @param sha256    SHA-256 of the object as received, or null
 */
public record PrivateBlock(String action, List<String> rules, String ruleSetId, String sha256) {

    public static final String CREATOR = "YARA GUARD 1.0";
    public static final int GROUP = 0x0077;
    /** Low byte of each element within the reserved block. */
    public static final int ACTION = 0x10;
    public static final int RULES = 0x11;
    public static final int RULE_SET = 0x12;
    public static final int OBJECT_SHA256 = 0x13;
    private static final int CS_MAX = 16;
    private static final int LO_MAX = 64;
    /** Longest value a 16-bit explicit VR length can hold, kept even. */
    private static final int SHORT_LENGTH_MAX = 0xFFFE;

    public PrivateBlock {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** One value of the block: its element's low byte, VR and values. */
    record Value(int element, String vr, List<String> values) {
    }

    /** The values present, in ascending element order; rule names as many as fit a short length. */
    List<Value> values() {
        List<Value> values = new ArrayList<>();
        values.add(new Value(ACTION, "CS", List.of(clip(action, CS_MAX))));
        List<String> names = new ArrayList<>();
        int length = -1;
        for (String rule : rules) {
            String name = clip(rule, LO_MAX);
            if (length + 1 + name.length() > SHORT_LENGTH_MAX) {
                break;
            }
            length += 1 + name.length();
            names.add(name);
        }
        if (!names.isEmpty()) {
            values.add(new Value(RULES, "LO", names));
        }
        if (ruleSetId != null) {
            values.add(new Value(RULE_SET, "LO", List.of(clip(ruleSetId, LO_MAX))));
        }
        if (sha256 != null) {
            values.add(new Value(OBJECT_SHA256, "LO", List.of(clip(sha256, LO_MAX))));
        }
        return values;
    }

    /** At most max printable ASCII characters, without the value separator. */
    private static String clip(String text, int max) {
        StringBuilder clipped = new StringBuilder(Math.min(max, text.length()));
        for (int i = 0; i < text.length() && clipped.length() < max; i++) {
            char c = text.charAt(i);
            clipped.append(c < 0x20 || c > 0x7E || c == '\\' ? '?' : c);
        }
        return clipped.toString();
    }
}
