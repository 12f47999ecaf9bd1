package org.yaraguard.hunt.web;

import java.util.regex.Pattern;

/**
 * The code of the archive's rejection note to reject with, {@code VALUE^SCHEME} as in IOCM's path. The default,
 * {@code 113037^DCM}, is "Rejected for Patient Safety Reasons"; the archive must have it configured as a rejection
 * note (its four built-in ones are).
 */
public record RejectionCode(String value, String scheme) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static final RejectionCode PATIENT_SAFETY = new RejectionCode("113037", "DCM");

    public RejectionCode {
        if (value == null || scheme == null || !PART.matcher(value).matches() || !PART.matcher(scheme).matches()) {
            throw new IllegalArgumentException("a rejection code is VALUE^SCHEME, e.g. 113037^DCM");
        }
    }

    public static RejectionCode parse(String text) {
        int caret = text == null ? -1 : text.indexOf('^');
        if (caret < 0) {
            throw new IllegalArgumentException("a rejection code is VALUE^SCHEME, e.g. 113037^DCM: " + text);
        }
        return new RejectionCode(text.substring(0, caret).strip(), text.substring(caret + 1).strip());
    }

    @Override
    public String toString() {
        return value + "^" + scheme;
    }
}
