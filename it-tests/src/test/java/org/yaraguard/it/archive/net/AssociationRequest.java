package org.yaraguard.it.archive.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test code: an A-ASSOCIATE-RQ as this SCP reads it (PS3.8 9.3.2): the AE titles and the proposed presentation
 * contexts; and the A-ASSOCIATE-AC it answers, accepting each context in a transfer syntax the stand-in archive
 * reads (explicit, else implicit VR little endian).
 */
record AssociationRequest(String calledAet, String callingAet, byte[] aetFields, List<ProposedContext> contexts) {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    private static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    /** A UUID-derived UID (PS3.5 B.2) naming this test SCP. */
    private static final String IMPLEMENTATION_CLASS_UID = "2.25.181927344063577207412497418380930452911";
    private static final String IMPLEMENTATION_VERSION = "YG_STANDIN_1";
    private static final int AE_FIELDS_START = 4;
    private static final int AE_FIELDS_LENGTH = 32;
    private static final int ITEMS_START = 68;
    private static final int PRESENTATION_CONTEXT_RQ = 0x20;
    private static final int PRESENTATION_CONTEXT_AC = 0x21;
    private static final int ABSTRACT_SYNTAX = 0x30;
    private static final int TRANSFER_SYNTAX = 0x40;
    private static final int APPLICATION_CONTEXT_ITEM = 0x10;
    private static final int USER_INFORMATION = 0x50;
    private static final int MAX_LENGTH = 0x51;
    private static final int IMPLEMENTATION_CLASS = 0x52;
    private static final int IMPLEMENTATION_VERSION_NAME = 0x55;
    private static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    /** One proposed presentation context: its id, abstract syntax and transfer syntaxes. */
    record ProposedContext(int id, String abstractSyntax, List<String> transferSyntaxes) {

        /** The transfer syntax accepted for this context, or null when none can be read. */
        String accepted() {
            return transferSyntaxes.contains(EXPLICIT_VR_LITTLE_ENDIAN) ? EXPLICIT_VR_LITTLE_ENDIAN
                    : transferSyntaxes.contains(IMPLICIT_VR_LITTLE_ENDIAN) ? IMPLICIT_VR_LITTLE_ENDIAN : null;
        }
    }

    static AssociationRequest parse(byte[] body) throws UpperLayer.ProtocolException {
        if (body.length < ITEMS_START) {
            throw new UpperLayer.ProtocolException("A-ASSOCIATE-RQ of " + body.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] aets = new byte[AE_FIELDS_LENGTH];
        in.position(AE_FIELDS_START);
        in.get(aets);
        List<ProposedContext> contexts = new ArrayList<>();
        in.position(ITEMS_START);
        while (in.remaining() >= 4) {
            int type = in.get() & 0xFF;
            in.get();
            ByteBuffer item = slice(in, in.getShort() & 0xFFFF);
            if (type == PRESENTATION_CONTEXT_RQ) {
                contexts.add(context(item));
            }
        }
        return new AssociationRequest(aet(aets, 0), aet(aets, 16), aets, List.copyOf(contexts));
    }

    /** The accepted context for this id, or null when it was not proposed or not accepted. */
    ProposedContext acceptedContext(int id) {
        return contexts.stream().filter(c -> c.id() == id && c.accepted() != null).findFirst().orElse(null);
    }

    /** The A-ASSOCIATE-AC body: the AE fields echoed, each context accepted or refused, our user information. */
    byte[] acceptance() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(1);
        out.writeBytes(new byte[2]);
        out.writeBytes(aetFields);
        out.writeBytes(new byte[32]);
        item(out, APPLICATION_CONTEXT_ITEM, ascii(APPLICATION_CONTEXT));
        for (ProposedContext context : contexts) {
            String accepted = context.accepted();
            ByteArrayOutputStream pc = new ByteArrayOutputStream();
            pc.write(context.id());
            pc.write(0);
            pc.write(accepted != null ? 0 : TRANSFER_SYNTAXES_NOT_SUPPORTED);
            pc.write(0);
            item(pc, TRANSFER_SYNTAX, ascii(accepted != null ? accepted : EXPLICIT_VR_LITTLE_ENDIAN));
            item(out, PRESENTATION_CONTEXT_AC, pc.toByteArray());
        }
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        item(user, MAX_LENGTH, ByteBuffer.allocate(4).putInt(UpperLayer.MAX_RECEIVE_PDU).array());
        item(user, IMPLEMENTATION_CLASS, ascii(IMPLEMENTATION_CLASS_UID));
        item(user, IMPLEMENTATION_VERSION_NAME, ascii(IMPLEMENTATION_VERSION));
        item(out, USER_INFORMATION, user.toByteArray());
        return out.toByteArray();
    }

    private static ProposedContext context(ByteBuffer item) throws UpperLayer.ProtocolException {
        if (item.remaining() < 4) {
            throw new UpperLayer.ProtocolException("presentation context item too short");
        }
        int id = item.get() & 0xFF;
        item.position(item.position() + 3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.remaining() >= 4) {
            int type = item.get() & 0xFF;
            item.get();
            ByteBuffer sub = slice(item, item.getShort() & 0xFFFF);
            String uid = uid(sub);
            if (type == ABSTRACT_SYNTAX) {
                abstractSyntax = uid;
            } else if (type == TRANSFER_SYNTAX) {
                transferSyntaxes.add(uid);
            }
        }
        return new ProposedContext(id, abstractSyntax, List.copyOf(transferSyntaxes));
    }

    private static ByteBuffer slice(ByteBuffer in, int length) throws UpperLayer.ProtocolException {
        if (length > in.remaining()) {
            throw new UpperLayer.ProtocolException("item of " + length + " bytes in " + in.remaining());
        }
        ByteBuffer item = in.slice(in.position(), length);
        in.position(in.position() + length);
        return item;
    }

    private static String uid(ByteBuffer value) {
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    private static String aet(byte[] fields, int offset) {
        return new String(fields, offset, 16, StandardCharsets.US_ASCII).strip();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(0);
        out.write(value.length >>> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
    }
}
