package org.dcm4che3.data;

/**
 * Test stand-in for dcm4che's value representation enum, installed in the test WildFly as part of the static
 * module {@code org.dcm4che.core} (the real library is not on Maven Central).
 */
public enum VR {
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI,
    UL, UN, UR, US, UT, UV;

    /** True for the VRs whose values are text, as the archive decodes them. */
    public boolean isStringType() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }
}
