package org.yaraguard.audit.message;

/**
 * YARA Guard's private coding scheme {@value #SCHEME} for what DICOM's codes do not name: the EventTypeCodes of its
 * alerts and the identifiers of its own objects. Documented in docs/audit.md; values never change meaning.
 */
public enum GuardCode {
    REFUSED("YG001", "Object refused"),
    TAGGED("YG002", "Object tagged"),
    LOGGED("YG003", "Object logged"),
    MONITORED("YG004", "Object stored in monitor mode"),
    RULE_MATCH("YG010", "Malicious content: YARA rule matched"),
    NOT_INSPECTED("YG011", "Could not inspect"),
    ANOMALY("YG012", "Structural anomaly"),
    RELEASE("YG020", "Quarantine release"),
    PURGE("YG021", "Quarantine purge"),
    EXPORT("YG022", "Quarantine export"),
    VIEW("YG023", "Quarantine view"),
    RULE_SET_LIVE("YG030", "Rule set in force"),
    RULE_SET_REFUSED("YG031", "Rule set refused"),
    RULE_SET_RESTORED("YG032", "Rules folder restored"),
    OBJECT_SHA256("YG040", "Object SHA-256"),
    QUARANTINE_ENTRY("YG041", "Quarantine entry"),
    RULE_SET("YG042", "Rule set");

    /** The coding scheme designator: 99 marks a private scheme (PS3.16 8.2). */
    public static final String SCHEME = "99YARAGUARD";

    private final Code code;

    GuardCode(String value, String meaning) {
        this.code = new Code(value, SCHEME, meaning);
    }

    public Code code() {
        return code;
    }
}
