package org.yaraguard.it.archive.store;

import org.dcm4che3.data.Attributes;
import org.dcm4che3.io.DicomOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Test code: writes the object file as the archive does after parsing (its Transcoder, or DicomOutputStream for an
 * attribute-based store): a zeroed preamble, "DICM", fresh file meta information, then the parsed attributes in
 * explicit VR little endian. Whatever the sender had in its preamble, file meta or unparsed bytes is not in the
 * file; only what the parser kept is.
 */
public final class StandInDicomWriter {

    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private StandInDicomWriter() {
    }

    public static byte[] part10(Attributes dataset) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(file, EXPLICIT_VR_LITTLE_ENDIAN)) {
            out.writeDataset(dataset.createFileMetaInformation(EXPLICIT_VR_LITTLE_ENDIAN), dataset);
        }
        return file.toByteArray();
    }
}
