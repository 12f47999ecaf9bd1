package org.yaraguard.it.archive.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test code: a DIMSE command set (PS3.7 section 9.3, group 0000, always implicit VR little endian): read from the
 * command fragments, and a C-STORE-RSP or C-ECHO-RSP written back.
 */
final class CommandSet {

    static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    static final int COMMAND_FIELD = 0x00000100;
    static final int MESSAGE_ID = 0x00000110;
    static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    static final int STATUS = 0x00000900;
    static final int ERROR_COMMENT = 0x00000902;
    static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    static final int C_STORE_RQ = 0x0001;
    static final int C_STORE_RSP = 0x8001;
    static final int C_ECHO_RQ = 0x0030;
    static final int C_ECHO_RSP = 0x8030;
    static final int NO_DATA_SET = 0x0101;
    private static final int GROUP_LENGTH = 0x00000000;
    private static final int ERROR_COMMENT_MAX = 64;

    private final Map<Integer, byte[]> elements;

    private CommandSet(Map<Integer, byte[]> elements) {
        this.elements = elements;
    }

    static CommandSet parse(byte[] bytes) throws UpperLayer.ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<Integer, byte[]> elements = new TreeMap<>();
        while (in.remaining() >= 8) {
            int tag = (in.getShort() & 0xFFFF) << 16 | in.getShort() & 0xFFFF;
            long length = in.getInt() & 0xFFFFFFFFL;
            if (length > in.remaining()) {
                throw new UpperLayer.ProtocolException("command element " + Integer.toHexString(tag) + " of "
                        + length + " bytes");
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            elements.put(tag, value);
        }
        return new CommandSet(elements);
    }

    int unsignedShort(int tag) {
        byte[] value = elements.get(tag);
        return value == null || value.length < 2 ? -1 : ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN)
                .getShort() & 0xFFFF;
    }

    String uid(int tag) {
        byte[] value = elements.getOrDefault(tag, new byte[0]);
        return new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    boolean hasDataSet() {
        return unsignedShort(COMMAND_DATA_SET_TYPE) != NO_DATA_SET;
    }

    /** The response to this request with {@code status}, and the error comment when there is one. */
    byte[] response(int commandField, int status, String errorComment) {
        Map<Integer, byte[]> rsp = new TreeMap<>();
        rsp.put(AFFECTED_SOP_CLASS_UID, padded(uid(AFFECTED_SOP_CLASS_UID), (byte) 0));
        rsp.put(COMMAND_FIELD, unsignedShortValue(commandField));
        rsp.put(MESSAGE_ID_BEING_RESPONDED_TO, unsignedShortValue(unsignedShort(MESSAGE_ID)));
        rsp.put(COMMAND_DATA_SET_TYPE, unsignedShortValue(NO_DATA_SET));
        rsp.put(STATUS, unsignedShortValue(status));
        if (errorComment != null && !errorComment.isEmpty()) {
            String cut = errorComment.length() > ERROR_COMMENT_MAX
                    ? errorComment.substring(0, ERROR_COMMENT_MAX) : errorComment;
            rsp.put(ERROR_COMMENT, padded(cut.replaceAll("[^\\x20-\\x7E]", "?"), (byte) ' '));
        }
        if (elements.containsKey(AFFECTED_SOP_INSTANCE_UID)) {
            rsp.put(AFFECTED_SOP_INSTANCE_UID, padded(uid(AFFECTED_SOP_INSTANCE_UID), (byte) 0));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        rsp.forEach((tag, value) -> element(body, tag, value));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        element(all, GROUP_LENGTH, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    private static byte[] unsignedShortValue(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }

    private static byte[] padded(String text, byte pad) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 0) {
            return bytes;
        }
        byte[] even = Arrays.copyOf(bytes, bytes.length + 1);
        even[bytes.length] = pad;
        return even;
    }

    private static void element(ByteArrayOutputStream out, int tag, byte[] value) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag).putInt(value.length);
        out.writeBytes(header.array());
        out.writeBytes(value);
    }
}
