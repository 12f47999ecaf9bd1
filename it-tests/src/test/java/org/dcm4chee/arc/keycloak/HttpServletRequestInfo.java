package org.dcm4chee.arc.keycloak;

import jakarta.servlet.http.HttpServletRequest;

/** Test copy of dcm4chee-arc's HttpServletRequestInfo: who sent a REST request, from where, to which URI. */
public class HttpServletRequestInfo {

    public final String requesterUserID;
    public final String requesterHost;
    public final String requestURI;
    public final String queryString;

    private HttpServletRequestInfo(HttpServletRequest request) {
        requesterUserID = request.getRemoteUser();
        requesterHost = request.getRemoteHost();
        requestURI = request.getRequestURI();
        queryString = request.getQueryString();
    }

    public static HttpServletRequestInfo valueOf(HttpServletRequest request) {
        return new HttpServletRequestInfo(request);
    }
}
