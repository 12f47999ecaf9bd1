package org.yaraguard.settings;

import java.util.Map;
import java.util.stream.Collectors;

/** The configuration in effect as one line for a log: {@code name=value} without the prefix, secrets masked. */
public final class Summary {

    private Summary() {
    }

    public static String of(Map<String, String> effective) {
        return effective.entrySet().stream()
                .map(e -> e.getKey().substring(e.getKey().startsWith(Schema.PREFIX) ? Schema.PREFIX.length() : 0)
                        + "=" + shown(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String shown(String name, String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        boolean secret = Setting.secretName(name) || Schema.find(name).map(Setting::secret).orElse(false);
        return secret ? "(set)" : value;
    }
}
