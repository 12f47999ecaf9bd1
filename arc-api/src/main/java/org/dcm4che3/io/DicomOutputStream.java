package org.dcm4che3.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.dcm4che3.data.Attributes;

/**
 * Compile-only: the members of dcm4che's DICOM encoder the hook uses to write an attribute-based store's dataset
 * (with its bulk data) as a Part-10 file, exactly as the archive itself writes it; the archive's class is used at
 * run time.
 */
public class DicomOutputStream extends FilterOutputStream {

    public DicomOutputStream(OutputStream out, String tsuid) throws IOException {
        super(out);
        throw new UnsupportedOperationException();
    }

    public void writeDataset(Attributes fmi, Attributes dataset) throws IOException {
        throw new UnsupportedOperationException();
    }
}
