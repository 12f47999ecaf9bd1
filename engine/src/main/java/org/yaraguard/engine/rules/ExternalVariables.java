package org.yaraguard.engine.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The external variables every rule may test, with the defaults they are compiled with. The scanner sets them per
 * scan; a rule that names any other external variable does not compile.
 */
public final class ExternalVariables {

    public static final String IS_PART10 = "is_part10";
    public static final String REGION = "region";
    public static final String SOP_CLASS_UID = "sop_class_uid";
    public static final String TRANSFER_SYNTAX = "transfer_syntax";
    public static final String MIME_TYPE = "mime_type";
    public static final String CALLING_AET = "calling_aet";
    public static final String SOURCE = "source";

    /** The region value of the scan over the whole object. */
    public static final String WHOLE_OBJECT = "object";

    private ExternalVariables() {
    }

    /** Name → compile-time default, in a stable order. */
    public static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(IS_PART10, Boolean.FALSE);
        defaults.put(REGION, WHOLE_OBJECT);
        defaults.put(SOP_CLASS_UID, "");
        defaults.put(TRANSFER_SYNTAX, "");
        defaults.put(MIME_TYPE, "");
        defaults.put(CALLING_AET, "");
        defaults.put(SOURCE, "");
        return defaults;
    }
}
