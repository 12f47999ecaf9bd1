package org.dcm4chee.arc.store;

import org.dcm4chee.arc.keycloak.HttpServletRequestInfo;

/** Test copy of the members of dcm4chee-arc's StoreSession that the plugin and the stand-in archive use. */
public interface StoreSession {

    HttpServletRequestInfo getHttpRequest();

    String getCalledAET();

    String getCallingAET();

    String getRemoteHostName();

    String getLocalHostName();
}
