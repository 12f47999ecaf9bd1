package org.yaraguard.engine.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaraguard.engine.yara.CompileError;

/**
 * The external variables every rule may test, with the defaults they are compiled with. The scanner sets them per
 * scan; a rule that names any other external variable does not compile. The file names that LOKI and THOR define
 * are set too, so their rules compile: an object is the file {@code <SOP Instance UID>.dcm} of type DICOM.
 */
public final class ExternalVariables {

    /** A DICOM UID (PS3.5 9.1): digits and dots, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("[0-9.]{1,64}");

    public static final String IS_PART10 = "is_part10";
    public static final String REGION = "region";
    public static final String SOP_CLASS_UID = "sop_class_uid";
    public static final String TRANSFER_SYNTAX = "transfer_syntax";
    public static final String MIME_TYPE = "mime_type";
    public static final String CALLING_AET = "calling_aet";
    public static final String SOURCE = "source";
    public static final String FILENAME = "filename";
    public static final String FILEPATH = "filepath";
    public static final String EXTENSION = "extension";
    public static final String FILETYPE = "filetype";
    public static final String OWNER = "owner";

    /** What LOKI's {@code extension} (with its dot, lower case) and {@code filetype} are for every object. */
    public static final String OBJECT_EXTENSION = ".dcm";
    public static final String OBJECT_FILETYPE = "DICOM";

    /** The region value of the scan over the whole object. */
    public static final String WHOLE_OBJECT = "object";

    private ExternalVariables() {
    }

    /**
     * {@code error} with the variables a rule may test named, when libyara reports an undefined identifier: what a
     * third-party rule written for another scanner (e.g. LOKI's {@code md5}) trips on.
     */
    public static CompileError explain(CompileError error) {
        if (error.message() == null || !error.message().startsWith("undefined identifier")) {
            return error;
        }
        return new CompileError(error.file(), error.line(), error.message() + " (YARA Guard defines "
                + String.join(", ", defaults().keySet()) + "; see rules/README.md \"Adopting a third-party rule set\" for "
                + "LOKI/THOR rules, or exclude the file by renaming it)");
    }

    /**
     * LOKI's {@code filename} for an object: its SOP Instance UID and the extension. Only a well-formed UID is used
     * (else none): the sender writes that value, and third-party rules exclude known-good files by name or path
     * (LOKI's false-positive filters, e.g. {@code not filepath contains "\\Program Files\\"}), so a crafted UID
     * must not opt an object out of a rule.
     */
    public static String objectFileName(String sopInstanceUid) {
        boolean wellFormed = sopInstanceUid != null && UID.matcher(sopInstanceUid).matches();
        return (wellFormed ? sopInstanceUid : "") + OBJECT_EXTENSION;
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
        defaults.put(FILENAME, "");
        defaults.put(FILEPATH, "");
        defaults.put(EXTENSION, OBJECT_EXTENSION);
        defaults.put(FILETYPE, OBJECT_FILETYPE);
        defaults.put(OWNER, "");
        return defaults;
    }
}
