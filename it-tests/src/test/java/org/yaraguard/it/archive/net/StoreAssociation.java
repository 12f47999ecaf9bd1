package org.yaraguard.it.archive.net;

import org.dcm4che3.net.service.DicomServiceException;
import org.dcm4chee.arc.store.StoreService;
import org.yaraguard.it.archive.store.StandInStoreContext;
import org.yaraguard.it.archive.store.StandInStoreSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;

/**
 * Test code: one DICOM association with a storage SCU, served in its own thread as the archive's C-STORE SCP
 * serves it (dcm4chee-arc's CStoreSCP over dcm4che's BasicCStoreSCP): one store session per association, each
 * C-STORE-RQ's data set streamed into the 2-argument {@code StoreService.store(ctx, InputStream)} with the
 * negotiated transfer syntax, then a C-STORE-RSP with the status the store produced (a DicomServiceException's
 * status and message as Error Comment; any other failure 0110H Processing failure, as StoreServiceImpl wraps it).
 * Every AE title is accepted as called AE; C-ECHO is answered; A-RELEASE ends the association.
 */
final class StoreAssociation {

    private static final System.Logger LOG = System.getLogger(StoreAssociation.class.getName());
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_COMMAND_BYTES = 64 * 1024;
    private static final int SUCCESS = 0x0000;
    private static final int PROCESSING_FAILURE = 0x0110;

    private final Socket socket;
    private final StoreService storeService;

    StoreAssociation(Socket socket, StoreService storeService) {
        this.socket = socket;
        this.storeService = storeService;
    }

    void serve() {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            UpperLayer layer = new UpperLayer(socket);
            try {
                UpperLayer.Pdu first = layer.read();
                if (first.type() != UpperLayer.A_ASSOCIATE_RQ) {
                    throw new UpperLayer.ProtocolException("expected A-ASSOCIATE-RQ, got PDU type " + first.type());
                }
                AssociationRequest request = AssociationRequest.parse(first.body());
                layer.write(UpperLayer.A_ASSOCIATE_AC, request.acceptance());
                StandInStoreSession session = new StandInStoreSession(null, request.callingAet(),
                        request.calledAet(), socket.getInetAddress().getHostAddress(),
                        socket.getLocalAddress().getHostAddress());
                PDataReader pdata = new PDataReader(layer);
                while (serveMessage(request, session, pdata)) {
                    // one DIMSE message per turn until the peer releases
                }
                layer.writeShort(UpperLayer.A_RELEASE_RP, 0, 0);
            } catch (UpperLayer.ProtocolException e) {
                LOG.log(System.Logger.Level.WARNING, "stand-in DICOM listener aborts an association: {0}",
                        e.getMessage());
                layer.writeShort(UpperLayer.A_ABORT, 0, 0);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "stand-in DICOM association ended: {0}", e.toString());
        }
    }

    /** Serves one request; false when the peer asked to release instead. */
    private boolean serveMessage(AssociationRequest request, StandInStoreSession session, PDataReader pdata)
            throws IOException {
        PDataReader.Pdv first = pdata.next();
        if (first == null) {
            return false;
        }
        int contextId = first.contextId();
        AssociationRequest.ProposedContext context = request.acceptedContext(contextId);
        if (context == null) {
            throw new UpperLayer.ProtocolException("presentation context " + contextId + " was not accepted");
        }
        CommandSet command = CommandSet.parse(command(first, pdata));
        switch (command.unsignedShort(CommandSet.COMMAND_FIELD)) {
            case CommandSet.C_STORE_RQ -> {
                if (!command.hasDataSet()) {
                    throw new UpperLayer.ProtocolException("C-STORE-RQ without a data set");
                }
                DataSetStream data = new DataSetStream(pdata, contextId);
                int status = SUCCESS;
                String comment = null;
                try {
                    store(session, context.accepted(), data);
                } catch (DicomServiceException e) {
                    status = e.getStatus();
                    comment = e.getMessage();
                } catch (IOException | RuntimeException e) {
                    status = PROCESSING_FAILURE;
                    comment = e.getMessage();
                }
                data.skipRest();
                pdata.writeCommand(contextId, command.response(CommandSet.C_STORE_RSP, status, comment));
            }
            case CommandSet.C_ECHO_RQ ->
                    pdata.writeCommand(contextId, command.response(CommandSet.C_ECHO_RSP, SUCCESS, null));
            default -> throw new UpperLayer.ProtocolException("unsupported command field "
                    + Integer.toHexString(command.unsignedShort(CommandSet.COMMAND_FIELD)));
        }
        return true;
    }

    private void store(StandInStoreSession session, String transferSyntax, DataSetStream data) throws IOException {
        StandInStoreContext ctx = new StandInStoreContext(session);
        ctx.setReceiveTransferSyntax(transferSyntax);
        storeService.store(ctx, data);
    }

    /** The command fragments from {@code first} to the last one, bounded. */
    private static byte[] command(PDataReader.Pdv first, PDataReader pdata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PDataReader.Pdv pdv = first;
        while (true) {
            if (pdv == null || !pdv.command() || pdv.contextId() != first.contextId()) {
                throw new UpperLayer.ProtocolException("expected a command fragment");
            }
            if (bytes.size() + pdv.data().remaining() > MAX_COMMAND_BYTES) {
                throw new UpperLayer.ProtocolException("command set over " + MAX_COMMAND_BYTES + " bytes");
            }
            byte[] part = new byte[pdv.data().remaining()];
            pdv.data().get(part);
            bytes.writeBytes(part);
            if (pdv.last()) {
                return bytes.toByteArray();
            }
            pdv = pdata.next();
        }
    }
}
