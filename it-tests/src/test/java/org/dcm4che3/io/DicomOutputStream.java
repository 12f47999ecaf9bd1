package org.dcm4che3.io;

import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Test stand-in for dcm4che's DicomOutputStream, installed in the test WildFly as part of the static module
 * {@code org.dcm4che.core}: writes explicit VR little endian only. With file meta information it writes a zeroed
 * 128-byte preamble, "DICM" and the meta group with its group length, as the real class does.
 */
public class DicomOutputStream extends FilterOutputStream {

    private static final int PREAMBLE_LENGTH = 128;
    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    public DicomOutputStream(OutputStream out, String tsuid) throws IOException {
        super(out);
        if (!EXPLICIT_VR_LITTLE_ENDIAN.equals(tsuid)) {
            throw new IOException("the stand-in DicomOutputStream writes explicit VR little endian only");
        }
    }

    public void writeDataset(Attributes fmi, Attributes dataset) throws IOException {
        if (fmi != null) {
            byte[] meta = elements(fmi);
            out.write(new byte[PREAMBLE_LENGTH]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            out.write(header(0x00020000, VR.UL, 4));
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.length).array());
            out.write(meta);
        }
        out.write(elements(dataset));
    }

    private static byte[] elements(Attributes attributes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int tag : attributes.tags()) {
            VR vr = attributes.getVR(tag);
            byte[] value = value(attributes, tag);
            int length = value.length + (value.length & 1);
            out.write(header(tag, vr, length));
            out.write(value);
            if (length != value.length) {
                out.write(vr == VR.UI || !vr.isStringType() ? 0 : ' ');
            }
        }
        return out.toByteArray();
    }

    private static byte[] value(Attributes attributes, int tag) {
        Object value = attributes.getValue(tag);
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof String[] strings) {
            return String.join("\\", strings).getBytes(StandardCharsets.ISO_8859_1);
        }
        return (byte[]) value;
    }

    private static byte[] header(int tag, VR vr, int length) {
        boolean longLength = switch (vr) {
            case OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV -> true;
            default -> false;
        };
        ByteBuffer header = ByteBuffer.allocate(longLength ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        header.put(vr.name().getBytes(StandardCharsets.US_ASCII));
        if (longLength) {
            header.putShort((short) 0).putInt(length);
        } else {
            header.putShort((short) length);
        }
        return header.array();
    }
}
