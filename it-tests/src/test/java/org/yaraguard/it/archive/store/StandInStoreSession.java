package org.yaraguard.it.archive.store;

import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;
import org.dcm4chee.arc.store.StoreSession;

/** Test code standing in for dcm4chee-arc's StoreSessionImpl: who sent the objects of one association or request. */
public record StandInStoreSession(HttpServletRequestInfo httpRequest, String callingAet, String calledAet,
                                  String remoteHost, String localHost) implements StoreSession {

    @Override
    public HttpServletRequestInfo getHttpRequest() {
        return httpRequest;
    }

    @Override
    public String getCalledAET() {
        return calledAet;
    }

    @Override
    public String getCallingAET() {
        return callingAet;
    }

    @Override
    public String getRemoteHostName() {
        return remoteHost;
    }

    @Override
    public String getLocalHostName() {
        return localHost;
    }
}
