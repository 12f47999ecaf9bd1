package org.yaraguard.rules.adversarial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Part-10 files around a dataset: a preamble, "DICM" and a file meta group whose group length may lie. */
final class Part10 {

    static final int PREAMBLE_LENGTH = 128;
    private static final String IMPLEMENTATION_CLASS = "1.2.826.0.1.3680043.10.543.7";

    private Part10() {
    }

    /** A zero preamble and a true group length. */
    static byte[] file(String transferSyntax, String sopClass, String sopInstance, byte[] dataset) {
        return file(new byte[PREAMBLE_LENGTH], transferSyntax, sopClass, sopInstance, dataset, 0);
    }

    /**
     * @param groupLengthError added to the true file meta group length (negative: too short, positive: too long)
     */
    static byte[] file(byte[] preamble, String transferSyntax, String sopClass, String sopInstance, byte[] dataset,
                       int groupLengthError) {
        Dataset meta = new Dataset(Encoding.EXPLICIT_LE)
                .value(0x00020001, "OB", new byte[] {0, 1})
                .uid(0x00020002, sopClass)
                .uid(0x00020003, sopInstance)
                .uid(0x00020010, transferSyntax)
                .uid(0x00020012, IMPLEMENTATION_CLASS);
        byte[] body = meta.toBytes();
        byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(body.length + groupLengthError).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(preamble, PREAMBLE_LENGTH));
        out.writeBytes(new byte[] {'D', 'I', 'C', 'M'});
        out.writeBytes(new Dataset(Encoding.EXPLICIT_LE).value(0x00020000, "UL", length).toBytes());
        out.writeBytes(body);
        out.writeBytes(dataset);
        return out.toByteArray();
    }
}
