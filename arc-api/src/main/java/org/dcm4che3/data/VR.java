package org.dcm4che3.data;

/**
 * Compile-only: dcm4che's value representations. Only the constants the hook names are declared; enum constants
 * link by name, so the archive's full enum satisfies them at run time.
 */
public enum VR {
    CS, LO, LT, OB, OD, OF, OL, OV, OW, SH, UN, UT
}
