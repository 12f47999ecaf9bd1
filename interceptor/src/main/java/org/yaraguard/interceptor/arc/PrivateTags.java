package org.yaraguard.interceptor.arc;

import java.util.List;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.yaraguard.engine.tagging.PrivateBlock;
import org.yaraguard.interceptor.guard.Guard;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Our private attributes on a tagged object, under private creator {@value PrivateBlock#CREATOR} in group 0077, as
 * set through the coercion consumer (so that the same store's access-control and coercion rules can match them).
 * The same block goes into the stream the archive stores ({@link Guard#streamToStore}): the only way it reaches the
 * stored file, WADO-RS and the archive's attribute filters, since the archive writes the file before it calls any
 * coercion consumer.
 */
final class PrivateTags {

    static final String CREATOR = PrivateBlock.CREATOR;
    private static final int GROUP = PrivateBlock.GROUP << 16;
    /** CS: the verdict's action, "TAG". */
    static final int ACTION = GROUP | 0x0010;
    /** LO, multi-valued: the names of the rules that decided the verdict. */
    static final int RULES = GROUP | 0x0011;
    /** LO: the rule set id (SHA-256 over the rules folder). */
    static final int RULE_SET = GROUP | 0x0012;
    /** LO: the SHA-256 of the object as received. */
    static final int OBJECT_SHA256 = GROUP | 0x0013;
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
