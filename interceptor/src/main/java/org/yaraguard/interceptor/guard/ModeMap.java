package org.yaraguard.interceptor.guard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mode for one sender: an entry for its calling AE title wins, then one for its host, then the default. An AE
 * title names a device more precisely than a host that may front several modalities.
 */
public record ModeMap(Mode defaultMode, Map<String, Mode> byAet, Map<String, Mode> byHost) {

    public ModeMap {
        byAet = Map.copyOf(byAet);
        byHost = Map.copyOf(byHost);
    }

    public Mode modeFor(String callingAet, String remoteHost) {
        Mode aet = callingAet == null ? null : byAet.get(callingAet.trim());
        if (aet != null) {
            return aet;
        }
        Mode host = remoteHost == null ? null : byHost.get(remoteHost.trim());
        return host != null ? host : defaultMode;
    }

    /** Parses {@code KEY=mode,KEY=mode}; blank means no entries. */
    static Map<String, Mode> parseEntries(String property, String spec) {
        Map<String, Mode> entries = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return entries;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(property + ": \"" + entry.trim() + "\" is not NAME=enforce|monitor");
            }
            entries.put(entry.substring(0, eq).trim(), Mode.parse(entry.substring(eq + 1)));
        }
        return entries;
    }
}
