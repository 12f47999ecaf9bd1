package org.yaraguard.interceptor.guard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaraguard.settings.Kind;
import org.yaraguard.settings.Values;

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

    /** Parses {@code KEY=mode,KEY=mode} with the settings' grammar; blank means no entries. */
    static Map<String, Mode> parseEntries(String spec) {
        Map<String, Mode> entries = new LinkedHashMap<>();
        Values.entries(spec, Kind.MODES).forEach((key, mode) -> entries.put(key, Mode.parse(mode)));
        return entries;
    }
}
