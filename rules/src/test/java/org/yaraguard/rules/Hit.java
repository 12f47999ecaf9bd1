package org.yaraguard.rules;

/** One rule that matched one scan of an object: the rule, the region scanned and the rule's action. */
record Hit(String rule, String region, String action) {

    static Hit of(String rule, String region, String action) {
        return new Hit(rule, region, action);
    }
}
