package org.yaraguard.it.archive.store;

import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test code: the stand-in archive's own minimal DICOM reader (little endian, explicit or implicit VR, Part-10 or
 * bare dataset), filling top-level elements into Attributes as the archive's parser would before it calls the
 * coercion consumer. A top-level sequence is kept as its encoded items (VR SQ, the bytes between its header and
 * its end), which the stand-in writes back as a defined-length sequence; encapsulated pixel data is skipped.
 */
public final class StandInDicomReader {

    private static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    private static final int TRANSFER_SYNTAX_UID = 0x00020010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final int UNDEFINED = -1;
    private static final Map<Integer, VR> IMPLICIT_VRS = Map.ofEntries(
            Map.entry(0x00080016, VR.UI), Map.entry(0x00080018, VR.UI), Map.entry(0x00080020, VR.DA),
            Map.entry(0x00080050, VR.SH), Map.entry(0x00080060, VR.CS), Map.entry(0x00100010, VR.PN),
            Map.entry(0x00100020, VR.LO), Map.entry(0x0020000D, VR.UI), Map.entry(0x0020000E, VR.UI),
            Map.entry(0x00420011, VR.OB), Map.entry(0x00420012, VR.LO), Map.entry(0x7FE00010, VR.OW));

    private final ByteBuffer buffer;
    private boolean explicit;

    private StandInDicomReader(byte[] bytes) {
        buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads a Part-10 file or a bare dataset in the given transfer syntax (explicit VR LE when null). */
    public static Attributes read(byte[] bytes, String transferSyntaxHint) throws IOException {
        try {
            return new StandInDicomReader(bytes).readObject(transferSyntaxHint);
        } catch (RuntimeException e) {
            throw new IOException("stand-in archive cannot parse the object: " + e, e);
        }
    }

    private Attributes readObject(String transferSyntaxHint) throws IOException {
        String transferSyntax = transferSyntaxHint;
        if (isPart10()) {
            buffer.position(132);
            explicit = true;
            Attributes meta = new Attributes();
            while (buffer.remaining() >= 4 && buffer.getShort(buffer.position()) == 0x0002) {
                readElement(meta, true);
            }
            transferSyntax = meta.getString(TRANSFER_SYNTAX_UID);
        }
        explicit = !IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax);
        Attributes dataset = new Attributes();
        while (buffer.hasRemaining()) {
            readElement(dataset, true);
        }
        return dataset;
    }

    private boolean isPart10() {
        byte[] magic = new byte[4];
        if (buffer.limit() < 132) {
            return false;
        }
        buffer.get(128, magic);
        return "DICM".equals(new String(magic, StandardCharsets.US_ASCII));
    }

    /** Reads one element; returns its tag. Values are kept only when {@code keep} (top level). */
    private int readElement(Attributes into, boolean keep) throws IOException {
        int tag = (Short.toUnsignedInt(buffer.getShort()) << 16) | Short.toUnsignedInt(buffer.getShort());
        if (tag == ITEM_DELIMITATION || tag == SEQUENCE_DELIMITATION) {
            buffer.getInt();
            return tag;
        }
        VR vr;
        int length;
        if (explicit) {
            vr = vrOf(new String(new byte[] {buffer.get(), buffer.get()}, StandardCharsets.US_ASCII));
            if (hasLongLength(vr)) {
                buffer.getShort();
                length = buffer.getInt();
            } else {
                length = Short.toUnsignedInt(buffer.getShort());
            }
        } else {
            vr = implicitVr(tag);
            length = buffer.getInt();
        }
        if (length == UNDEFINED) {
            int start = buffer.position();
            skipItems();
            if (keep && vr == VR.SQ) {
                byte[] items = new byte[buffer.position() - start - 8];
                buffer.get(start, items);
                into.setBytes(tag, vr, items);
            }
            return tag;
        }
        if (length < 0 || length > buffer.remaining()) {
            throw new IOException("element length past end of object");
        }
        byte[] value = new byte[length];
        buffer.get(value);
        if (keep) {
            into.setBytes(tag, vr, value);
        }
        return tag;
    }

    private void skipItems() throws IOException {
        while (true) {
            int tag = (Short.toUnsignedInt(buffer.getShort()) << 16) | Short.toUnsignedInt(buffer.getShort());
            int length = buffer.getInt();
            if (tag == SEQUENCE_DELIMITATION) {
                return;
            }
            if (tag != ITEM) {
                throw new IOException("expected an item in a sequence");
            }
            if (length == UNDEFINED) {
                while (readElement(null, false) != ITEM_DELIMITATION) {
                    // nested elements are skipped
                }
            } else {
                buffer.position(buffer.position() + length);
            }
        }
    }

    private static boolean hasLongLength(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV -> true;
            default -> false;
        };
    }

    private static VR vrOf(String code) {
        try {
            return VR.valueOf(code);
        } catch (IllegalArgumentException e) {
            return VR.UN;
        }
    }

    private static VR implicitVr(int tag) {
        int element = tag & 0xFFFF;
        if ((tag & 0x00010000) != 0 && element >= 0x10 && element <= 0xFF) {
            return VR.LO;
        }
        return IMPLICIT_VRS.getOrDefault(tag, VR.UN);
    }
}
