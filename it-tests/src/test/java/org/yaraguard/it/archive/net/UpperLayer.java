package org.yaraguard.it.archive.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * Test code: the DICOM upper layer of one association (PS3.8 section 9.3): PDUs as a type and a body, read with a
 * bound on the length a peer may announce, written whole.
 */
final class UpperLayer {

    static final int A_ASSOCIATE_RQ = 0x01;
    static final int A_ASSOCIATE_AC = 0x02;
    static final int A_ASSOCIATE_RJ = 0x03;
    static final int P_DATA_TF = 0x04;
    static final int A_RELEASE_RQ = 0x05;
    static final int A_RELEASE_RP = 0x06;
    static final int A_ABORT = 0x07;

    /** What this SCP announces as its maximum P-DATA-TF length; an A-ASSOCIATE-RQ may be larger, never huge. */
    static final int MAX_RECEIVE_PDU = 16384;
    private static final int MAX_PDU = 1 << 20;
    private static final int HEADER = 6;

    /** One PDU: its type and the bytes after its 6-byte header. */
    record Pdu(int type, byte[] body) {
    }

    private final DataInputStream in;
    private final OutputStream out;

    UpperLayer(Socket socket) throws IOException {
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    Pdu read() throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        long length = in.readInt() & 0xFFFFFFFFL;
        if (length > MAX_PDU || type == P_DATA_TF && length > MAX_RECEIVE_PDU) {
            throw new ProtocolException("PDU of type " + type + " announces " + length + " bytes");
        }
        byte[] body = new byte[(int) length];
        in.readFully(body);
        return new Pdu(type, body);
    }

    void write(int type, byte[] body) throws IOException {
        ByteBuffer pdu = ByteBuffer.allocate(HEADER + body.length);
        pdu.put((byte) type).put((byte) 0).putInt(body.length).put(body);
        out.write(pdu.array());
        out.flush();
    }

    /** A-RELEASE-RP, A-ABORT and A-ASSOCIATE-RJ carry four bytes (PS3.8 9.3.4 to 9.3.8). */
    void writeShort(int type, int third, int fourth) throws IOException {
        write(type, new byte[] {0, 0, (byte) third, (byte) fourth});
    }

    /** The peer broke the protocol: the association is aborted. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
