package org.dcm4che3.data;

import java.io.IOException;

/** Compile-only: the members of dcm4che's dataset class the hook uses; the archive's class is used at run time. */
public class Attributes {

    public int[] tags() {
        throw new UnsupportedOperationException();
    }

    public VR getVR(int tag) {
        throw new UnsupportedOperationException();
    }

    public String getString(int tag) {
        throw new UnsupportedOperationException();
    }

    public byte[] getBytes(int tag) throws IOException {
        throw new UnsupportedOperationException();
    }

    public Object setString(String privateCreator, int tag, VR vr, String... value) {
        throw new UnsupportedOperationException();
    }

    public Attributes createFileMetaInformation(String tsuid) {
        throw new UnsupportedOperationException();
    }
}
