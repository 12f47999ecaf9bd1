package org.yaraguard.audit.message;

/**
 * AuditSourceIdentification: who reports (AuditSourceID), for which enterprise site (or null), as AuditSourceTypeCode 4
 * "Application Server process".
 */
public record AuditSource(String sourceId, String enterpriseSiteId) {

    /** AuditSourceTypeCode of an application server process (PS3.15 A.5.1.2.1). */
    public static final String APPLICATION_SERVER = "4";
}
