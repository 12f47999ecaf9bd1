package org.dcm4chee.arc.store;

import org.dcm4che3.data.Attributes;

/** Test copy of the members of dcm4chee-arc's StoreContext that the plugin and the stand-in archive use. */
public interface StoreContext {

    StoreSession getStoreSession();

    String getSopClassUID();

    String getSopInstanceUID();

    String getStudyInstanceUID();

    String getSeriesInstanceUID();

    String getReceiveTranferSyntax();

    void setReceiveTransferSyntax(String transferSyntax);

    Attributes getAttributes();

    void setAttributes(Attributes attributes);

    Attributes getCoercedAttributes();
}
