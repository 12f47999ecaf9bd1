package org.yaraguard.it.archive.net;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Test code: the P-DATA-TF PDUs of an association read one presentation data value at a time (PS3.8 9.3.5). */
final class PDataReader {

    /** One PDV: its presentation context, whether it is (part of) a command, whether it is the last fragment. */
    record Pdv(int contextId, boolean command, boolean last, ByteBuffer data) {
    }

    private static final int COMMAND_BIT = 0x01;
    private static final int LAST_BIT = 0x02;
    private static final int ITEM_HEADER = 4;
    private static final int CONTROL_HEADER = 2;

    private final UpperLayer layer;
    private ByteBuffer pdu = ByteBuffer.allocate(0);

    PDataReader(UpperLayer layer) {
        this.layer = layer;
    }

    /** The next PDV, or null when the peer asks to release the association instead. */
    Pdv next() throws IOException {
        while (!pdu.hasRemaining()) {
            UpperLayer.Pdu next = layer.read();
            switch (next.type()) {
                case UpperLayer.P_DATA_TF -> pdu = ByteBuffer.wrap(next.body());
                case UpperLayer.A_RELEASE_RQ -> {
                    return null;
                }
                case UpperLayer.A_ABORT -> throw new EOFException("the peer aborted the association");
                default -> throw new UpperLayer.ProtocolException("unexpected PDU of type " + next.type());
            }
        }
        if (pdu.remaining() < ITEM_HEADER + CONTROL_HEADER) {
            throw new UpperLayer.ProtocolException("PDV item header cut short");
        }
        long length = pdu.getInt() & 0xFFFFFFFFL;
        if (length < CONTROL_HEADER || length > pdu.remaining()) {
            throw new UpperLayer.ProtocolException("PDV item of " + length + " bytes in " + pdu.remaining());
        }
        int contextId = pdu.get() & 0xFF;
        int control = pdu.get() & 0xFF;
        int valueLength = (int) length - CONTROL_HEADER;
        ByteBuffer data = pdu.slice(pdu.position(), valueLength);
        pdu.position(pdu.position() + valueLength);
        return new Pdv(contextId, (control & COMMAND_BIT) != 0, (control & LAST_BIT) != 0, data);
    }

    /** Sends one whole command (a response) as a single last command fragment. */
    void writeCommand(int contextId, byte[] command) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(ITEM_HEADER + CONTROL_HEADER + command.length);
        body.putInt(CONTROL_HEADER + command.length).put((byte) contextId).put((byte) (COMMAND_BIT | LAST_BIT))
                .put(command);
        layer.write(UpperLayer.P_DATA_TF, body.array());
    }
}
