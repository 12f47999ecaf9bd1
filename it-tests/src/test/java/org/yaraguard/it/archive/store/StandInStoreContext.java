package org.yaraguard.it.archive.store;

import org.dcm4che3.data.Attributes;
import org.dcm4chee.arc.store.StoreContext;
import org.dcm4chee.arc.store.StoreSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Test code standing in for dcm4chee-arc's StoreContextImpl. As in the archive, the UID getters read the parsed
 * attributes and fail before the stand-in archive parsed the object. It also collects the ids of the records the
 * stand-in wrote for this object, so an entry point can tell the test what happened.
 */
public final class StandInStoreContext implements StoreContext {

    private static final int SOP_CLASS_UID = 0x00080016;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int STUDY_INSTANCE_UID = 0x0020000D;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;

    private final StoreSession session;
    private final Attributes coercedAttributes = new Attributes();
    private final List<String> recordIds = new ArrayList<>();
    private String receiveTransferSyntax;
    private Attributes attributes;

    public StandInStoreContext(StoreSession session) {
        this.session = session;
    }

    @Override
    public StoreSession getStoreSession() {
        return session;
    }

    @Override
    public String getSopClassUID() {
        return attributes.getString(SOP_CLASS_UID);
    }

    @Override
    public String getSopInstanceUID() {
        return attributes.getString(SOP_INSTANCE_UID);
    }

    @Override
    public String getStudyInstanceUID() {
        return attributes.getString(STUDY_INSTANCE_UID);
    }

    @Override
    public String getSeriesInstanceUID() {
        return attributes.getString(SERIES_INSTANCE_UID);
    }

    @Override
    public String getReceiveTranferSyntax() {
        return receiveTransferSyntax;
    }

    @Override
    public void setReceiveTransferSyntax(String transferSyntax) {
        receiveTransferSyntax = transferSyntax;
    }

    @Override
    public Attributes getAttributes() {
        return attributes;
    }

    @Override
    public void setAttributes(Attributes attributes) {
        this.attributes = attributes;
    }

    @Override
    public Attributes getCoercedAttributes() {
        return coercedAttributes;
    }

    synchronized void addRecordId(String id) {
        recordIds.add(id);
    }

    public synchronized List<String> recordIds() {
        return List.copyOf(recordIds);
    }
}
