package org.yaraguard.hunt.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Content-Type value: the media type (lower case) and its parameters (names lower case, quotes removed).
 * Parameters whose quoting is broken are dropped, never guessed.
 */
record ContentType(String mediaType, Map<String, String> parameters) {

    static ContentType parse(String value) {
        if (value == null) {
            return new ContentType("", Map.of());
        }
        String[] pieces = value.split(";");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < pieces.length; i++) {
            String[] kv = pieces[i].strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            String v = kv[1].strip();
            if (v.startsWith("\"")) {
                if (v.length() < 2 || !v.endsWith("\"")) {
                    continue;
                }
                v = v.substring(1, v.length() - 1);
            }
            parameters.putIfAbsent(kv[0].strip().toLowerCase(Locale.ROOT), v);
        }
        return new ContentType(pieces[0].strip().toLowerCase(Locale.ROOT), Map.copyOf(parameters));
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    boolean is(String type) {
        return mediaType.equals(type);
    }
}
