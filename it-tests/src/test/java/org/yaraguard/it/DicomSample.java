package org.yaraguard.it;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A real Part-10 object made by DCMTK, with the UIDs it was made with. Variants keep the DCMTK encoding and only
 * rewrite the UIDs in place with UIDs of the same length, so hundreds of distinct objects need a few tool runs.
 */
record DicomSample(String name, byte[] part10, String studyInstanceUid, String sopInstanceUid) {

    static final int PREAMBLE_LENGTH = 128;

    /** The same object with other study, series and instance numbers (same UID lengths). */
    DicomSample variant(int number) {
        String study = DicomSamples.uid(DicomSamples.STUDY, number);
        String sop = DicomSamples.uid(DicomSamples.INSTANCE, number);
        byte[] bytes = replace(part10, studyInstanceUid, study);
        bytes = replace(bytes, seriesOf(studyInstanceUid), seriesOf(study));
        bytes = replace(bytes, sopInstanceUid, sop);
        return new DicomSample(name + "#" + number, bytes, study, sop);
    }

    /** The same object with these bytes in its 128-byte preamble. */
    DicomSample withPreamble(String newName, byte[] preamble) {
        byte[] bytes = part10.clone();
        System.arraycopy(preamble, 0, bytes, 0, Math.min(preamble.length, PREAMBLE_LENGTH));
        return new DicomSample(newName, bytes, studyInstanceUid, sopInstanceUid);
    }

    /** The dataset alone, as a C-STORE sender transmits it: no preamble, no file meta information. */
    byte[] dataset() {
        ByteBuffer buffer = ByteBuffer.wrap(part10).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(PREAMBLE_LENGTH + 4);
        while (buffer.getShort(buffer.position()) == 0x0002) {
            buffer.position(buffer.position() + 4);
            String vr = new String(new byte[] {buffer.get(), buffer.get()}, StandardCharsets.US_ASCII);
            int length;
            if (vr.equals("OB") || vr.equals("UN") || vr.equals("UT") || vr.equals("SQ")) {
                buffer.getShort();
                length = buffer.getInt();
            } else {
                length = Short.toUnsignedInt(buffer.getShort());
            }
            buffer.position(buffer.position() + length);
        }
        byte[] dataset = new byte[buffer.remaining()];
        buffer.get(dataset);
        return dataset;
    }

    String sha256() {
        return sha256(part10);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seriesOf(String studyUid) {
        return studyUid.replace("." + DicomSamples.STUDY + ".", "." + DicomSamples.SERIES + ".");
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        if (needle.length != replacement.length) {
            throw new IllegalArgumentException("UIDs must keep their length");
        }
        byte[] out = bytes.clone();
        int found = 0;
        for (int i = 0; i <= out.length - needle.length; i++) {
            int j = 0;
            while (j < needle.length && out[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                System.arraycopy(replacement, 0, out, i, replacement.length);
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalStateException("UID not found in the object: " + from);
        }
        return out;
    }
}
