package org.yaraguard.audit.message;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * Who reports and how: the AuditSourceID and enterprise site, this process as an active participant (host and
 * process id), and whether patient names may appear in messages.
 *
 * @param sourceId         AuditSourceID ({@code yara-guard.audit.source.id}, by default the host name)
 * @param enterpriseSiteId AuditEnterpriseSiteID, or null
 * @param host             this machine's name, the process's NetworkAccessPointID
 * @param patientNames     whether ParticipantObjectName may hold the patient's name ({@code yara-guard.audit.patient.name})
 */
public record AuditIdentity(String sourceId, String enterpriseSiteId, String host, boolean patientNames) {

    /** UserID of YARA Guard as an active participant. */
    public static final String APPLICATION = "yara-guard";

    public AuditIdentity {
        if (sourceId == null || sourceId.isBlank()) {
            sourceId = host == null || host.isBlank() ? APPLICATION : host;
        }
        if (enterpriseSiteId != null && enterpriseSiteId.isBlank()) {
            enterpriseSiteId = null;
        }
    }

    /**
     * The identity of this process: its host name is looked up once here (it may wait on the resolver), never while
     * a message is built.
     */
    public static AuditIdentity ofThisHost(String sourceId, String enterpriseSiteId, boolean patientNames) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return new AuditIdentity(sourceId, enterpriseSiteId, host, patientNames);
    }

    AuditSource source() {
        return new AuditSource(sourceId, enterpriseSiteId);
    }

    /** YARA Guard's own process: UserID yara-guard, AlternativeUserID its process id, role Application. */
    ActiveParticipant process(boolean requestor) {
        return new ActiveParticipant(APPLICATION, String.valueOf(ProcessHandle.current().pid()), null, requestor,
                host, List.of(Code.APPLICATION));
    }
}
