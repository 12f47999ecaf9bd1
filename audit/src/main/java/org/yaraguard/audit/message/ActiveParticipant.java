package org.yaraguard.audit.message;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A user or process that took part: the sender, the archive, YARA Guard, a reviewer.
 *
 * @param alternativeUserId e.g. the process id, or null
 * @param userName          a person's name, or null
 * @param host              NetworkAccessPointID: a host name or IP address, or null
 */
public record ActiveParticipant(String userId, String alternativeUserId, String userName, boolean requestor,
        String host, List<Code> roles) {

    private static final Pattern IP_ADDRESS =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[\\w.]+)?]?");

    public ActiveParticipant {
        roles = List.copyOf(roles);
    }

    /**
     * NetworkAccessPointTypeCode of {@link #host}: 2 for an IP address, 1 for a machine name, null without a host.
     * Decided by the text alone: naming the type never waits on DNS.
     */
    public String hostType() {
        if (host == null || host.isEmpty()) {
            return null;
        }
        return IP_ADDRESS.matcher(host).matches() ? "2" : "1";
    }
}
