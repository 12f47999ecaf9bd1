package org.yaraguard.interceptor.arc;

import java.util.List;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Our private attributes on a tagged object, under private creator {@value #CREATOR} in group 0077. The archive
 * places the block (usually elements 0077,10xx); its own access-control and rejection rules can then match them.
 */
final class PrivateTags {

    static final String CREATOR = "YARA GUARD 1.0";
    /** CS: the verdict's action, "TAG". */
    static final int ACTION = 0x00770010;
    /** LO, multi-valued: the names of the rules that decided the verdict. */
    static final int RULES = 0x00770011;
    /** LO: the rule set id (SHA-256 over the rules folder). */
    static final int RULE_SET = 0x00770012;
    /** LO: the SHA-256 of the object as received. */
    static final int OBJECT_SHA256 = 0x00770013;
    private static final int LO_MAX = 64;

    private PrivateTags() {
    }

    static void add(Attributes attributes, Ruling ruling) {
        attributes.setString(CREATOR, ACTION, VR.CS, ruling.verdict().action().name());
        List<String> rules = ruling.verdict().decisiveRules().stream()
                .map(rule -> rule.length() > LO_MAX ? rule.substring(0, LO_MAX) : rule).toList();
        if (!rules.isEmpty()) {
            attributes.setString(CREATOR, RULES, VR.LO, rules.toArray(String[]::new));
        }
        if (ruling.verdict().ruleSetId() != null) {
            attributes.setString(CREATOR, RULE_SET, VR.LO, ruling.verdict().ruleSetId());
        }
        if (ruling.verdict().sha256() != null) {
            attributes.setString(CREATOR, OBJECT_SHA256, VR.LO, ruling.verdict().sha256());
        }
    }
}
